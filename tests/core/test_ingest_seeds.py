"""Ingest on the bundled seed articles: the metadata a careful reader gets, and no junk.

The expected values are written out here (they are test data): what each seed states on
its face. Fields a seed does not state must come out None.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from wiredesk.core.ingest import parse_file
from wiredesk.core.models import ParsedArticle

FIELDS = ("title", "outlet", "byline", "published", "published_at", "dateline", "url")

EXPECTED: dict[str, dict[str, str]] = {
    "000_aaa4b901deff2345": {
        "title": "US drone strike kills Iraq-based militia leader",
        "published": "2024-02-08",
        "dateline": "WASHINGTON",
    },
    "001_f8ed47e050e803db": {
        "title": "Three dead as US drone strike targets Iran-linked militia leader in Baghdad",
        "outlet": "The Guardian",
        "published": "2024-02-08",
        "byline": "Patrick Wintour",
        "url": "https://www.theguardian.com/world/2024/feb/07/baghdad-drone-strike-iraq-iran-militia",
    },
    "002_16e2e3b6ff264acf": {
        "title": "US drone strike kills senior Iran-backed militia commanders in Baghdad",
        "published": "2024-02-08",
        "published_at": "2024-02-08T15:18",
    },
    "003_f61f840f4f0fb785": {
        "title": "US drone strike in Baghdad kills Iranian-backed militia commander: officials",
        "outlet": "thtrangdai.edu.vn",
    },
    "004_414daaf60250a359": {
        "title": "U.S. strike in Baghdad kills key militia commander, officials say",
        "dateline": "BAGHDAD",
    },
}

NOISE: dict[str, list[str]] = {
    "000_aaa4b901deff2345": ["No comments:", "Post a Comment"],
    "001_f8ed47e050e803db": ["Read more on original:"],
    "002_16e2e3b6ff264acf": [
        "clear",
        "Creating new perspectives since 2009",
        "Read: A US military withdrawal from Syria could overturn the chessboard, but not for the better",
    ],
    "003_f61f840f4f0fb785": [
        "thtrangdaien",
        "See also\u00a0 Emily Ratajkowski In Braless Dress Shows Her \u2018Two Big Talents\u2019",
        "Start your day with everything you need to know",
        "Morning Report delivers the latest news, videos, photos and more.",
        "Thank you for signing up!",
        "Categories: Trending",
        "Source: thtrangdai.edu.vn/en/",
    ],
    "004_414daaf60250a359": [
        "Source link",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ],
}


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedArticle]:
    from wiredesk.resources import bundled_dir

    out = {}
    for path in sorted(Path(bundled_dir("seeds")).glob("*.txt")):
        (article,) = parse_file(path)
        out[path.stem] = article
    return out


def test_all_seeds_parsed(parsed: dict[str, ParsedArticle]) -> None:
    assert sorted(parsed) == sorted(EXPECTED)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_seed_metadata(parsed: dict[str, ParsedArticle], stem: str) -> None:
    article = parsed[stem]
    got = {f: getattr(article, f) for f in FIELDS}
    want = {f: EXPECTED[stem].get(f) for f in FIELDS}
    assert got == want


@pytest.mark.parametrize("stem", sorted(NOISE))
def test_seed_noise_removed(parsed: dict[str, ParsedArticle], stem: str) -> None:
    article = parsed[stem]
    paragraphs = {_squash(p) for p in article.body.split("\n\n")}
    removed = {_squash(r.text) for r in article.removed}
    for line in NOISE[stem]:
        assert _squash(line) not in paragraphs
        assert _squash(line) in removed
        if len(line) > 20:
            assert _squash(line) not in _squash(article.body)
    assert all(r.reason for r in article.removed)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_no_article_sentence_dropped(parsed: dict[str, ParsedArticle], stem: str) -> None:
    """Every line of eight words or more that is not junk or the title survives into the body."""
    article = parsed[stem]
    body = _squash(article.body)
    junk = {_squash(n) for n in NOISE[stem]} | {article.title}
    for line in article.raw.split("\n"):
        if len(line.split()) >= 8 and _squash(line) not in junk:
            assert _squash(line) in body, line


def test_body_shape(parsed: dict[str, ParsedArticle]) -> None:
    for article in parsed.values():
        assert "\n\n\n" not in article.body
        assert article.body == article.body.strip()
        assert "\u00a0" not in article.body and "\t" not in article.body
        assert article.raw.startswith(article.raw.lstrip("\ufeff"))


def test_title_not_repeated_in_body(parsed: dict[str, ParsedArticle]) -> None:
    for article in parsed.values():
        assert article.title is not None
        assert article.title not in article.body.split("\n\n")


def test_dateline_prefix_kept_in_body(parsed: dict[str, ParsedArticle]) -> None:
    assert parsed["004_414daaf60250a359"].body.startswith("BAGHDAD \u2014 A U.S. airstrike")


def test_captions_marked(parsed: dict[str, ParsedArticle]) -> None:
    def captions(stem: str) -> list[str]:
        a = parsed[stem]
        return [a.body[s:e] for s, e in a.captions]

    (cap,) = captions("002_16e2e3b6ff264acf")
    assert cap.startswith("People inspect the vehicle") and cap.endswith("Anadolu Agency]")
    caps3 = captions("003_f61f840f4f0fb785")
    assert len(caps3) == 2 and all(c.endswith("Reuters") for c in caps3)
    for stem in ("000_aaa4b901deff2345", "001_f8ed47e050e803db", "004_414daaf60250a359"):
        assert captions(stem) == []
    for a in parsed.values():  # spans are whole paragraphs of the body
        paragraphs = a.body.split("\n\n")
        assert all(a.body[s:e] in paragraphs for s, e in a.captions)


def test_removed_lines_name_their_reason(parsed: dict[str, ParsedArticle]) -> None:
    reasons = {r.text: r.reason for r in parsed["001_f8ed47e050e803db"].removed}
    assert reasons["by:Patrick Wintour and agencies"].startswith("metadata")
    assert reasons["The Guardian-Feb8th2024"].startswith("metadata")
