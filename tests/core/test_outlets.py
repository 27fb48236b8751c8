"""Outlets are named as outlets: feed, explicit line or front matter, site name, URL domain;
never a file name. Aliases from config apply on read, and source counts count outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
from wiredesk.core.ingest import parse_bytes
from wiredesk.core.outlets import OutletAliases, load_aliases, parse_aliases, registered_domain
from wiredesk.core.service import Wiredesk

BODY = (
    "A port crane collapsed at the northern terminal of Westhaven harbour on Tuesday, injuring four "
    "dock workers and halting cargo operations for the rest of the day, the harbour authority said."
)
MORE = "Inspectors from the Westhaven maritime board said an inquiry into the crane would open next week."


def _one(data: str, name: str = "x.txt"):
    [article] = parse_bytes(data.encode(), name, name)
    return article


def test_outlet_line_names_the_outlet_not_the_title() -> None:
    a = _one(f"Outlet: Harbor Times\n\nCrane collapses at Westhaven harbour\n\n{BODY}\n\n{MORE}\n",
             "harbor-times.txt")
    assert a.outlet == "Harbor Times"
    assert a.title == "Crane collapses at Westhaven harbour"
    assert "Outlet: Harbor Times" not in a.body


def test_source_line_in_the_tail_names_the_outlet() -> None:
    a = _one(f"Crane collapses\n\n{BODY}\n\n{MORE}\n\nSource: Bay Courier\n")
    assert a.outlet == "Bay Courier"
    assert "Bay Courier" not in a.body


def test_a_sentence_starting_with_source_is_not_an_outlet() -> None:
    a = _one(f"Crane collapses\n\n{BODY}\n\nSource: officials at the harbour said so.\n")
    assert a.outlet is None


def test_front_matter_names_the_outlet() -> None:
    a = _one(f"---\ntitle: Crane collapses\noutlet: Harbor Times\n---\n\n{BODY}\n", "a.md")
    assert a.outlet == "Harbor Times"


def _html(site: str, extra: str = "") -> str:
    return (f'<html><head><meta property="og:site_name" content="{site}"><title>Crane collapses</title>'
            f"</head><body><article><h1>Crane collapses</h1>{extra}<p>{BODY}</p><p>{MORE}</p>"
            "</article></body></html>")


def test_site_name_names_an_html_page() -> None:
    assert _one(_html("The Westhaven Post"), "page.html").outlet == "The Westhaven Post"


def test_explicit_outlet_line_beats_the_site_name() -> None:
    page = _html("Aggregator Daily", "<p>Outlet: Harbor Times</p>")
    assert _one(page, "page.html").outlet == "Harbor Times"


def test_url_gives_the_registered_domain_when_nothing_else_names_the_outlet() -> None:
    a = _one(f"https://news.example.co.uk/2026/crane\n\nCrane collapses\n\n{BODY}\n")
    assert a.outlet == "example.co.uk"


def test_a_feed_names_its_items_outlet_even_over_a_source_line() -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Times</title>
    <item><title>Crane collapses</title><link>https://wire.example.com/a</link>
    <description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;Source: Bay Courier&lt;/p&gt;</description></item>
    </channel></rss>"""
    [a] = parse_bytes(feed.encode(), "feed.xml", "feed.xml")
    assert a.outlet == "Harbor Times"


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.apnews.com/article/x", "apnews.com"),
        ("https://news.bbc.co.uk/x", "bbc.co.uk"),
        ("http://127.0.0.1:8000/feed.xml", "127.0.0.1"),
        ("http://localhost/x", "localhost"),
        ("ftp://example.com/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_registered_domain(url: str | None, domain: str | None) -> None:
    assert registered_domain(url) == domain


def test_aliases_parse_and_resolve(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[outlets]\n"apnews.com" = "AP"\n"The Associated Press" = "AP"\n', encoding="utf-8")
    aliases = load_aliases(config)
    assert aliases.error is None
    assert aliases.resolve("apnews.com") == "AP"
    assert aliases.resolve("the associated  press") == "AP"
    assert aliases.resolve("AP News", "https://apnews.com/x") == "AP"  # by the URL's domain
    assert aliases.resolve("Reuters", "https://reuters.com/x") == "Reuters"
    assert load_aliases(tmp_path / "missing.toml") == OutletAliases()
    assert parse_aliases("[outlets]\nx = 3\n").error is not None
    assert parse_aliases("outlets = 3\n").error is not None
    assert parse_aliases("[outlets\n").error is not None


def _story_folder(folder: Path) -> None:
    """Three differently worded reports (no reprints), two of them by one outlet."""
    folder.mkdir()
    lines = {
        "harbor-times-1.txt": ("Harbor Times", "Four injured as crane collapses at Westhaven harbour", BODY),
        "harbor-times-2.txt": ("Harbor Times", "Westhaven crane collapse injures four dock workers", (
            "Four dock workers were hurt on Tuesday when a container crane gave way at the Westhaven "
            "harbour terminal, stopping all loading until the evening, according to the port operator.")),
        "bay-courier.txt": ("Bay Courier", "Crane falls at Westhaven harbour terminal, four hurt", (
            "The collapse of a crane at Westhaven harbour on Tuesday left four dock workers injured, and "
            "cargo handling at the terminal was suspended for the day, harbour officials told reporters.")),
    }
    for name, (outlet, title, body) in lines.items():
        (folder / name).write_text(f"Outlet: {outlet}\n\n{title}\n\n{body}\n", encoding="utf-8")


def test_indexed_folder_shows_outlets_and_aliases(tmp_path: Path) -> None:
    _story_folder(tmp_path / "in")
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=parse_aliases('[outlets]\n"Bay Courier" = "Courier"\n'))
    desk.index([tmp_path / "in"])
    assert sorted(a.outlet or "" for a in desk.articles()) == ["Courier", "Harbor Times", "Harbor Times"]


def test_independent_sources_count_outlets_not_files(tmp_path: Path) -> None:
    _story_folder(tmp_path / "in")
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    desk.index([tmp_path / "in"])
    [story] = desk.stories()
    facts = desk.facts(story.id)
    assert facts, "the three articles share checkable facts"
    assert max(f.sources for f in facts) == 2  # three files, two outlets
