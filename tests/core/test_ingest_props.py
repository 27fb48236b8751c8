"""Property tests: whatever bytes or text arrive, ingest returns clean articles or one IngestError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wiredesk.core.ingest import IngestError, parse_bytes
from wiredesk.core.models import ParsedArticle

ODD = "\u00a0\u2009\u202f\t\u200b\u3000\r\u2028\x00\x1b"
WORDS = st.sampled_from(
    ["Floods", "hit", "the", "town", "By", "Ana", "Lima", "February", "8,", "2024", "at", "3:18", "pm",
     "Source:", "example.org", "Reuters", "[Photo", "AFP]", "LONDON", "—", "said", ".", "Read:", "See also",
     "https://x.example/a", "No comments:", "#", "**", "<p>", "</div>", "<?xml", "<rss>", "&amp;", "\u201c", "\u2019"]
)
LINE = st.lists(st.one_of(WORDS, st.text(max_size=12), st.sampled_from(list(ODD))), max_size=25).map(" ".join)
DOC = st.lists(LINE, max_size=30).map(lambda lines: "\n".join(lines))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(articles: list[ParsedArticle]) -> None:
    assert articles
    for a in articles:
        assert a.body and a.body == a.body.strip()
        assert "\n\n\n" not in a.body
        assert not any(c in a.body for c in "\u00a0\u2009\u202f\t\u200b\u3000\r\x00")
        for start, end in a.captions:
            assert 0 <= start < end <= len(a.body)
            assert a.body[start:end] in a.body.split("\n\n")
        for value in (a.title, a.outlet, a.byline, a.dateline, a.url):
            assert value is None or (value.strip() and "\n" not in value)
        assert a.published is None or len(a.published) == 10
        assert a.published_at is None or a.published_at.startswith(a.published or "-")
        assert all(r.reason for r in a.removed)


@SETTINGS
@given(DOC, st.sampled_from(["x.txt", "x.md", "x.html", "x", "x.rss"]))
def test_any_text_parses_or_fails_cleanly(text: str, name: str) -> None:
    try:
        articles = parse_bytes(text.encode("utf-8", "surrogatepass"), name, name)
    except IngestError as err:
        assert err.reason and "\n" not in err.reason
        return
    _check(articles)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.xml", "x"]))
def test_any_bytes_parse_or_fail_cleanly(data: bytes, name: str) -> None:
    try:
        articles = parse_bytes(data, name, name)
    except IngestError as err:
        assert err.reason and "\n" not in err.reason
        return
    _check(articles)
