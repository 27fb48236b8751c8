"""The cheap prefilters in front of the date, time and count patterns never hide a match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from wiredesk.core.facts.lexicon import may_match
from wiredesk.core.facts.quantities import _COUNT_WORDS, AGE_RE, COUNT_RE, MAGNITUDE_RE
from wiredesk.core.facts.when import _DATE_WORDS, DATE_RE, TIME_RE

_PIECES = ["Friday", "fRIDAY", "yesterday", "toDay", "tonight", "last night", "this week", "earlier this month",
           "Jan. 28", "28 January", "2024-01-02", "March 2021", "4 p.m.", "16:30 GMT", "at least 12",
           "dozens of", "Twenty-one", "several", "a few", "7.1-magnitude", "aged 34", "$3m", "\u0131",
           "\u0130", "\u017f", "\u212a", "\u0663", "th", "s", "i", " ", ", ", "the ", "said "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join) | st.text(max_size=40)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_prefilters_only_skip_text_without_matches(text: str) -> None:
    if not may_match(text, _DATE_WORDS):
        assert DATE_RE.search(text) is None
    if not may_match(text, ()):
        assert TIME_RE.search(text) is None
    if not may_match(text, _COUNT_WORDS):
        for pattern in (COUNT_RE, AGE_RE, MAGNITUDE_RE):
            assert pattern.search(text) is None


def test_prefilter_passes_case_folded_spellings() -> None:
    # "ſ" and "ı" match "s" and "i" under re.IGNORECASE, so text holding them is never skipped
    assert may_match("thi\u017f week", _DATE_WORDS)
    assert may_match("TONIGHT", _DATE_WORDS)
    assert not may_match("The river burst its banks.", _DATE_WORDS)
    assert not may_match("no figures here", ())


_MORE = ["Sept.", "SEPTEMBER 3rd", "the day before yesterday", "past Monday", "Monday’s", "3 of May",
         "may 4", "about $5m", "$fivem", "fivebn", "Twentybn", "tens of thousands", "no fewer than 3",
         "some 40%", "B-52", "3.5", ".5", ":30", "1,200", "over-", "a minimum of ten", "Estimated 20",
         "\u00a3", "\u20ac", "$", "-", "'", "’", "\n", "\u0966"]
_SCAN_TEXT = st.lists(st.sampled_from(_PIECES + _MORE), max_size=14).map("".join) | st.text(max_size=40)


@settings(max_examples=600, deadline=None)
@given(_SCAN_TEXT)
def test_word_start_scan_finds_what_finditer_finds(text: str) -> None:
    from wiredesk.core.facts.quantities import _COUNT_STARTS
    from wiredesk.core.facts.scan import find_at_words
    from wiredesk.core.facts.when import _DATE_STARTS

    got = [m.span() for m in find_at_words(DATE_RE, text, _DATE_STARTS)]
    assert got == [m.span() for m in DATE_RE.finditer(text)]
    got = [m.span() for m in find_at_words(COUNT_RE, text, _COUNT_STARTS, ("bn", "mn"), "$£€")]
    assert got == [m.span() for m in COUNT_RE.finditer(text)]
