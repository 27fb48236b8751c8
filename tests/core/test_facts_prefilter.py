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
