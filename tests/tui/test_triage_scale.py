"""Triage at scale: stories by latest activity with their counts, the "new since last visit"
filter (``w``), and a first screen that reads only the story it shows."""

from __future__ import annotations

from pathlib import Path

from tui_support import settle
from wiredesk.core.models import ParsedArticle, Story
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.preload import read_initial
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import SourceList

DATES = {"old": "2031-01-02", "mid": "2031-02-10", "new": "2031-03-01"}


def library(tmp_path: Path) -> tuple[Wiredesk, dict[str, list[str]]]:
    """Three stories published at different times; "mid" has three articles from two outlets."""
    service = Wiredesk(tmp_path / "lib" / "index.sqlite3")
    members: dict[str, list[str]] = {}
    for name, day in DATES.items():
        size = 3 if name == "mid" else 1
        parsed = [ParsedArticle(source=f"{name}{i}", raw=f"{name} {i}", body=f"The {name} report {i} said {i + 2} "
                                f"people were hurt.", title=f"{name.title()} report {i}",
                                outlet=f"Outlet {i % 2}", published=day) for i in range(size)]
        members[name] = list(service.index_db.store_file(f"/lib/{name}.xml", None, parsed).ids)
    service.index_db.set_stories([Story(f"s-{n}", f"{n.title()} story", ids) for n, ids in members.items()], {})
    return service, members


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


def headers(sources: SourceList) -> list[str]:
    """The story headers' text, wrapping undone."""
    return [" ".join(str(sources.get_option_at_index(i).prompt).split()) for i in range(sources.option_count)
            if (sources.get_option_at_index(i).id or "").startswith("s:")]


def labels(shown: list[str]) -> list[str]:
    return [h[2:].split(" story")[0] for h in shown]


async def test_stories_by_latest_activity_with_counts(tmp_path: Path, clock) -> None:
    service, _ = library(tmp_path)
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        shown = headers(sources)
        assert labels(shown) == ["New", "Mid", "Old"]
        assert reader(app).story == "s-new"  # the latest activity opens first
        mid = shown[1]
        assert "3 articles · 2 outlets · 3 new" in mid  # never visited: all of it is new
        assert "contested" not in mid  # its facts were never computed: no guessed count
        # The open story: its facts are known, and its article stays marked new this visit.
        assert "1 article · 1 outlet · 1 new · ◆" in shown[0] and shown[0].endswith("contested")


async def test_new_since_last_visit_filter(tmp_path: Path, clock) -> None:
    service, members = library(tmp_path)
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # from the open article to the next story's header: a visit
        await settle(pilot)
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        assert len(headers(sources)) == 3
        await pilot.press("w")
        await pilot.pause()
        shown = headers(sources)
        # Only the story never opened is left, with its article.
        assert labels(shown) == ["Old"], shown
        assert "1 new" in shown[0]
        ids = [sources.get_option_at_index(i).id for i in range(sources.option_count)]
        assert all(f"a:{a}" not in ids for a in members["new"] + members["mid"])
        await pilot.press("w")
        await pilot.pause()
        assert len(headers(sources)) == 3
    # Everything visited: the filter says so instead of showing an empty pane.
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        await pilot.press("G", "enter")  # open the old story
        await settle(pilot)
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        await pilot.press("w")
        await pilot.pause()
        assert headers(sources) == []
        assert "Nothing new since your last visit" in str(sources.get_option_at_index(0).prompt)


def test_first_screen_reads_only_its_story(tmp_path: Path) -> None:
    service, members = library(tmp_path)
    data = read_initial(service)
    assert data.paged
    assert set(data.articles) == set(members["new"])
    assert [s.id for s in data.stories] == ["s-new", "s-mid", "s-old"]
    assert [s.articles for s in data.stories[1:]] == [[], []]
    assert [(s.articles, s.outlets) for s in data.summaries] == [(1, 1), (3, 2), (1, 1)]


async def test_library_paged_in_after_first_paint(tmp_path: Path, clock) -> None:
    service, members = library(tmp_path)
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert set(screen.articles) == {a for ids in members.values() for a in ids}
        await pilot.press("j", "enter")  # open the second story: its articles are listed
        await settle(pilot)
        ids = [screen.query_one(SourceList).get_option_at_index(i).id
               for i in range(screen.query_one(SourceList).option_count)]
        assert all(f"a:{a}" in ids for a in members["mid"])
