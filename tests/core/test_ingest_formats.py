"""Ingest per format and encoding: text, markdown, HTML (meta, JSON-LD), RSS, Atom, sniffing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from wiredesk.core.ingest import IngestError, iter_sources, parse_bytes, parse_file

PROSE = (
    "Heavy rain flooded the old town on Friday, officials said, forcing hundreds of residents "
    "from their homes as the river rose two metres in three hours."
)
TEXT = f"Floods hit the old town\n\n{PROSE}\n"


# -- encodings ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
        lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
        lambda s: s.encode("cp1252"),
        lambda s: s.encode("utf-16-le"),  # no BOM: recognized by its NUL pattern
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "cp1252", "utf16le-nobom"],
)
def test_encodings(encode: object) -> None:
    text = f"Caf\u00e9 prices \u201crose\u201d\r\n\r\n{PROSE} \u2014 it\u2019s official.\r\n"
    (article,) = parse_bytes(encode(text), "x.txt", "x.txt")  # type: ignore[operator]
    assert article.title == "Caf\u00e9 prices \u201crose\u201d"
    assert article.body == f"{PROSE} \u2014 it\u2019s official."
    assert "\r" not in article.raw and not article.raw.startswith("\ufeff")


def test_mostly_utf8_with_a_few_legacy_bytes() -> None:
    data = f"Caf\u00e9 prices \u201crose\u201d. {PROSE}".encode() + b" A \x93quoted\x94 legacy part."
    (article,) = parse_bytes(data, "x.txt")
    assert article.body.startswith("Caf\u00e9 prices \u201crose\u201d.")
    assert article.body.endswith("A \u201cquoted\u201d legacy part.")


def test_nfc_normalization() -> None:
    decomposed = "Cafe\u0301 owners said prices rose sharply this year, the survey of two hundred shops found."
    (article,) = parse_bytes(decomposed.encode(), "x.txt")
    assert "Caf\u00e9" in article.body and "\u0301" not in article.raw


def test_odd_whitespace_plain_in_body_kept_in_raw() -> None:
    text = f"U.S.\u00a0forces\u2009said\u202fthat\tthe\u3000strike hit\u200b a car. {PROSE}"
    (article,) = parse_bytes(text.encode(), "x.txt")
    assert article.body.startswith("U.S. forces said that the strike hit a car.")
    assert "\u00a0" in article.raw and "\t" in article.raw


def test_line_endings_cr_only() -> None:
    (article,) = parse_bytes(TEXT.replace("\n", "\r").encode(), "x.txt")
    assert article.title == "Floods hit the old town" and article.body == PROSE


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = "\n".join(textwrap.wrap(PROSE + " " + PROSE, 60))
    (article,) = parse_bytes(f"Floods hit the old town\n\n{wrapped}\n\nSecond paragraph here.".encode(), "x.txt")
    first, second = article.body.split("\n\n")
    assert first == PROSE + " " + PROSE and second == "Second paragraph here."


# -- plain-text metadata ------------------------------------------------------------------

def test_iso_date_and_byline_and_url_lines() -> None:
    text = (
        "Quake strikes the northern coast\nBy Ana Lima and John Roe\nPublished 2024-03-02 07:15\n\n"
        f"{PROSE}\n\nOriginally published at:\nhttps://wire.example/quake-coast\n"
    )
    (a,) = parse_bytes(text.encode(), "x.txt")
    assert (a.title, a.byline, a.published, a.published_at) == (
        "Quake strikes the northern coast", "Ana Lima and John Roe", "2024-03-02", "2024-03-02T07:15",
    )
    assert a.url == "https://wire.example/quake-coast"
    assert a.outlet == "wire.example"  # nothing else names it: the URL's site, never the file name
    assert a.dateline is None
    assert a.body == PROSE


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("LONDON, Feb 8, 2024", (None, None, "LONDON", "2024-02-08", None)),
        ("New York, Feb. 8, 2024 at 9:00 am", (None, None, "New York", "2024-02-08", "2024-02-08T09:00")),
        ("Daily Bugle | February 8, 2024", ("Daily Bugle", None, None, "2024-02-08", None)),
        ("By Ana Lima, February 8, 2024", (None, "Ana Lima", None, "2024-02-08", None)),
        ("Thu 8 Feb 2024 12.01 GMT", (None, None, None, "2024-02-08", "2024-02-08T12:01")),
        ("Feb 8, 2024 | 3 min read", (None, None, None, "2024-02-08", None)),
    ],
)
def test_header_line_shapes(line: str, expected: tuple[str | None, ...]) -> None:
    (a,) = parse_bytes(f"Floods hit the old town\n{line}\n{PROSE}".encode(), "x.txt")
    assert (a.outlet, a.byline, a.dateline, a.published, a.published_at) == expected
    assert a.body == PROSE


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/world/2031/03/04/dam-bursts/", "2031-03-04"),
        ("https://news.example/nation/2031/mar/04/dam-bursts-1234", "2031-03-04"),
        ("https://paper.example/world/dam-bursts-20310304-p5x9q1.html?ref=rss", "2031-03-04"),
        ("https://paper.example/04-Mar-2031/dam-bursts", "2031-03-04"),
        ("https://paper.example/story/2031-03-04/dam-bursts", "2031-03-04"),
        ("https://paper.example/2031/03/dam-bursts/", None),  # a month is not a day
        ("https://paper.example/dam-bursts?date=2031-03-04", None),  # a query is not the address
        ("https://paper.example/1107040074/dam-bursts", None),  # an article number
    ],
)
def test_publication_day_from_the_address(url: str, day: str | None) -> None:
    (a,) = parse_bytes(f"{url}\n\n{PROSE}".encode(), "x.txt")
    assert a.url == url and a.published == day


def test_a_stated_date_wins_over_the_address() -> None:
    text = f"https://news.example/2031/03/04/dam/\n\nPublished 2031-03-05\n\n{PROSE}"
    (a,) = parse_bytes(text.encode(), "x.txt")
    assert a.published == "2031-03-05"


@pytest.mark.parametrize("stamp", ["date 2031-03-04 ", "Published March 4, 2031 — ", "2031-03-04T08:10Z "])
def test_a_stamp_glued_to_the_first_paragraph_is_metadata(stamp: str) -> None:
    (a,) = parse_bytes(f"Dam bursts above the valley\n\n{stamp}{PROSE}".encode(), "x.txt")
    assert a.published == "2031-03-04"
    assert a.body == PROSE


def test_a_first_paragraph_opening_on_a_date_is_prose() -> None:
    body = f"March 4 was the day the dam burst. {PROSE}"
    (a,) = parse_bytes(f"Dam bursts above the valley\n\n{body}".encode(), "x.txt")
    assert a.published is None and a.body == body


def test_metadata_not_invented_from_body_sentences() -> None:
    text = (
        f"{PROSE} By Friday, on February 9, 2024, officials in LONDON said more rain was due.\n\n"
        "Source: officials said the rain would stop by Sunday evening, according to forecasts seen by reporters."
    )
    (a,) = parse_bytes(text.encode(), "x.txt")
    assert (a.title, a.byline, a.published, a.dateline, a.outlet, a.url) == (None,) * 6


def test_agency_dateline_prefix() -> None:
    (a,) = parse_bytes(f"Storm floods town\n\nVALENCIA, March 1 (Reuters) - {PROSE}".encode(), "x.txt")
    assert a.dateline == "VALENCIA" and a.body.startswith("VALENCIA, March 1 (Reuters) - ")


def test_generic_junk_on_another_story() -> None:
    text = "\n\n".join([
        "Share", "Advertisement", "Flood waters rise in the valley", "Est. 1887",
        PROSE, "Related: Ten things to know about floods", "Sign up for our morning newsletter",
        "Thanks for subscribing!", "Tags: weather, floods", "© 2024 Valley Times. All rights reserved.",
        "Leave a comment", "Reporting by Ana Lima; Editing by John Roe",
    ])
    (a,) = parse_bytes(text.encode(), "x.txt")
    assert a.title == "Flood waters rise in the valley"
    assert a.body == PROSE
    assert len(a.removed) == 11


# -- markdown ------------------------------------------------------------------------------

def test_markdown() -> None:
    md = textwrap.dedent(f"""\
        ---
        date: 2024-03-01T09:30
        author: Jane Roe
        ---
        # Floods hit the *old* town

        {PROSE.replace("Heavy rain", "**Heavy rain**").replace("officials", "[officials](https://x.example)")}

        ![a flooded street](street.jpg)

        > Water came in fast, a resident said, and the ground floor was lost within an hour.

        - Schools closed on Monday in three districts of the valley.
        """)
    (a,) = parse_bytes(md.encode(), "story.md", "story.md")
    assert a.format == "markdown"
    assert a.title == "Floods hit the old town"
    assert (a.byline, a.published, a.published_at) == ("Jane Roe", "2024-03-01", "2024-03-01T09:30")
    assert a.body.split("\n\n") == [
        PROSE,
        "Water came in fast, a resident said, and the ground floor was lost within an hour.",
        "Schools closed on Monday in three districts of the valley.",
    ]


# -- HTML ---------------------------------------------------------------------------------

HTML = f"""<!DOCTYPE html><html><head><title>Floods hit town | Valley Times</title>
<meta property="og:site_name" content="Valley Times">
<meta name="author" content="https://valley.example/staff/jane">
<link rel="canonical" href="https://valley.example/2024/floods">
<script type="application/ld+json">{json.dumps({
    "@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Valley Times"},
        {"@type": "NewsArticle", "headline": "Floods hit town", "datePublished": "2024-03-01T09:30:00+01:00",
         "author": [{"@type": "Person", "name": "Jane Roe"}], "publisher": {"name": "Valley Times"}},
    ]})}</script>
<script>var ads = "Sign up now";</script><style>p {{color: red}}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Floods hit town</h1><p>VALENCIA &mdash; {PROSE}</p>
<p>The regional weather agency said it had issued a warning on Thursday evening, two days before.</p>
<figure><img src="a.jpg"><figcaption>Rescuers search a flooded street. (Photo by John Doe/AFP via Getty Images)
</figcaption></figure></article><footer>Copyright 2024 Valley Times</footer></body></html>"""


@pytest.fixture(params=["extractor", "stdlib-fallback"])
def html_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run HTML tests through trafilatura (when importable) and through the stdlib fallback."""
    if request.param == "stdlib-fallback":
        from wiredesk.core.ingest import html as html_mod

        monkeypatch.setattr(html_mod, "_trafilatura", lambda text: None)
    return str(request.param)


def test_html_metadata_and_text(html_path: str) -> None:
    (a,) = parse_bytes(HTML.encode(), "page.html", "page.html")
    assert a.format == "html"
    assert (a.title, a.outlet, a.byline, a.published, a.published_at, a.url, a.dateline) == (
        "Floods hit town", "Valley Times", "Jane Roe", "2024-03-01", "2024-03-01T09:30",
        "https://valley.example/2024/floods", "VALENCIA",
    )
    assert a.body.startswith(f"VALENCIA \u2014 {PROSE}")
    assert "regional weather agency" in a.body
    for chrome in ("var ads", "color: red", "Home", "Copyright"):
        assert chrome not in a.body
    if "Rescuers search" in a.body:  # extractors may drop <figure>; if kept it is a caption
        assert any("Rescuers search" in a.body[s:e] for s, e in a.captions)
    assert a.title not in a.body.split("\n\n")


def test_html_meta_tags_without_jsonld(html_path: str) -> None:
    page = (
        '<html><head><meta property="og:title" content="Quake hits coast">'
        '<meta property="article:published_time" content="2024-03-02T07:15:00Z">'
        '<meta property="og:url" content="https://wire.example/quake"></head>'
        f"<body><p>{PROSE}</p></body></html>"
    )
    (a,) = parse_bytes(page.encode(), "q.htm", "q.htm")
    assert (a.title, a.published_at, a.url, a.byline, a.outlet) == (
        "Quake hits coast", "2024-03-02T07:15", "https://wire.example/quake", None, "wire.example",
    )


def test_html_sniffed_without_extension(tmp_path: Path, html_path: str) -> None:
    path = tmp_path / "download"
    path.write_text(HTML)
    (a,) = parse_file(path)
    assert a.format == "html" and a.title == "Floods hit town"


# -- feeds --------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Times</title><link>https://valley.example</link>
<item><title>Floods hit the old town</title><link>https://valley.example/floods</link><guid>vt-1</guid>
<pubDate>Fri, 01 Mar 2024 09:30:00 +0100</pubDate><author>jane@valley.example (Jane Roe)</author>
<description>&lt;p&gt;{PROSE}&lt;/p&gt;&lt;p&gt;Read more: Ten things about floods&lt;/p&gt;</description></item>
<item><title>Schools closed</title><description>Schools closed in three districts.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Desk</title><id>urn:wd</id>
<updated>2024-03-02T10:00:00Z</updated>
<entry><title>Quake strikes coast</title><id>urn:quake-1</id><link href="https://wire.example/quake"/>
<published>2024-03-02T07:15:00Z</published><author><name>Ana Lima</name></author>
<content type="html">&lt;p&gt;{PROSE}&lt;/p&gt;</content></entry></feed>"""


def test_rss(tmp_path: Path) -> None:
    path = tmp_path / "valley.rss"
    path.write_text(RSS)
    first, second = parse_file(path)
    assert first.source == f"{path}#vt-1" and second.source == f"{path}#1"
    assert (first.title, first.outlet, first.byline, first.published_at, first.url) == (
        "Floods hit the old town", "Valley Times", "Jane Roe", "2024-03-01T09:30", "https://valley.example/floods",
    )
    assert first.body == PROSE and first.format == "feed"
    assert [r.reason for r in first.removed] == ["teaser"]
    assert second.body == "Schools closed in three districts." and second.published is None


def test_atom_sniffed_from_xml_extension(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM)
    (a,) = parse_file(path)
    assert a.source == f"{path}#urn:quake-1"
    assert (a.title, a.outlet, a.byline, a.published, a.published_at, a.url) == (
        "Quake strikes coast", "Wire Desk", "Ana Lima", "2024-03-02", "2024-03-02T07:15",
        "https://wire.example/quake",
    )
    assert a.body == PROSE


# -- walking ------------------------------------------------------------------------------

def test_walk_order_and_skips(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.md", "a/y.html", ".hidden.txt", ".git/x.txt", "__pycache__/m.txt",
                "tool.py", "page_files/app.js", "page_files/pic.png", "notes", "c.rss"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(TEXT)
    names = [str(p.relative_to(tmp_path)) for p in iter_sources([tmp_path])]
    assert names == ["a/y.html", "a/z.md", "b.txt", "c.rss", "notes"]
    # a file named explicitly is always read (and errors say why)
    assert list(iter_sources([tmp_path / "tool.py"])) == [tmp_path / "tool.py"]


def test_explicit_binary_file_gives_error(tmp_path: Path) -> None:
    img = tmp_path / "pic.png"
    img.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(IngestError, match="binary file \\(PNG image\\)"):
        parse_file(img)


# -- import cost --------------------------------------------------------------------------

def test_import_does_not_load_heavy_parsers() -> None:
    code = (
        "import sys, wiredesk.core.ingest as i\n"
        "i.parse_bytes(open(sys.argv[1], 'rb').read(), 'x.txt', 'x.txt')\n"
        "heavy = [m for m in ('trafilatura', 'feedparser', 'lxml', 'defusedxml') if m in sys.modules]\n"
        "print(','.join(heavy) or 'none')\n"
    )
    from wiredesk.resources import bundled_dir

    seed = sorted(Path(bundled_dir("seeds")).glob("*.txt"))[0]
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "none"


LONG_1 = (
    "ANKARA (Reuters) - A magnitude 6.8 earthquake struck the western province early on Sunday, "
    "killing at least 42 people and injuring hundreds, the disaster agency said."
)
LONG_2 = (
    "Rescue workers searched through the rubble of collapsed buildings in the town, where the "
    "quake's epicentre was located at a depth of 10 km."
)
SCRAPED = f"""Skip to main content
Menu
World
Earthquake kills dozens in western province
By Ana Lima
Published: 10:32 AM GMT, March 3, 2024
Updated 2 hours ago
Share on Facebook
{LONG_1}
Advertisement
{LONG_2}
Rescue workers search the rubble of a collapsed building, March 3, 2024. REUTERS/John Doe
"We heard a loud noise and everything started shaking," said a resident, 54, who was asleep when it hit.
Reporting by Ana Lima; Editing by John Roe
Our Standards: The Trust Principles.
Get the latest news delivered to your inbox
Follow us on Twitter
Copyright 2024 Wire Service. All rights reserved.
Most Read
1. Floods leave dozens dead
2. Markets fall on rate fears
"""


def test_scraped_page_from_another_story() -> None:
    (a,) = parse_bytes(SCRAPED.encode(), "<stdin>")  # no name hint: sniffed as text
    assert (a.title, a.byline, a.published_at, a.dateline, a.outlet, a.url) == (
        "Earthquake kills dozens in western province", "Ana Lima", "2024-03-03T10:32", "ANKARA", None, None,
    )
    paragraphs = a.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("ANKARA (Reuters) - A magnitude 6.8")
    assert [a.body[s:e] for s, e in a.captions] == [paragraphs[2]]
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons["World"] == "section label"
    assert reasons["Updated 2 hours ago"] == "relative timestamp"
    assert reasons["2. Markets fall on rate fears"] == "teaser list"
    assert len(a.removed) + len(paragraphs) == len(SCRAPED.strip().split("\n"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Related charges were filed against three others on Monday.",
        "Recommended doses were cut by half after the trial.",
        "Most popular among voters was the plan to rebuild the bridge.",
        "Copyright infringement claims rose sharply last year, the report said.",
        "Promoted to captain in 2019, she led the team to two titles.",
        "Source: a senior official said the talks would resume on Friday.",
        "Fighting has continued since 2011, the monitor said.",
        "Sign language interpreters stood beside the minister throughout.",
    ],
)
def test_sentences_that_only_look_like_junk_are_kept(sentence: str) -> None:
    (a,) = parse_bytes(f"Floods hit the old town\n\n{PROSE}\n\n{sentence}\n\n{PROSE} Again.".encode(), "x.txt")
    assert sentence in a.body.split("\n\n")


def test_short_brief_keeps_its_date_line_as_metadata() -> None:
    """A one-sentence wire brief has no long prose paragraph; its date line is still a date."""
    text = (
        "Warehouse fire kills four\n\nMarch 6, 2021\n\n"
        "Four workers died in the warehouse fire, officials said on Saturday.\n"
    )
    (article,) = parse_bytes(text.encode(), "brief.txt")
    assert article.title == "Warehouse fire kills four"
    assert article.published == "2021-03-06"
    assert article.body == "Four workers died in the warehouse fire, officials said on Saturday."
