"""The reading pane marks the mention a fact read, by its place in the body: a sentence that
writes the same figure twice gets only the occurrence the engine used."""

from __future__ import annotations

from wiredesk.core.models import Article, Evidence, Fact, FactValue
from wiredesk.tui.widgets.reading_pane import value_spans

BODY = "Of the 12 boats, 12 were sunk near Mirrel on Monday."


def _article() -> Article:
    return Article(id="a1", path="a1.txt", content_hash="a1", body=BODY, raw=BODY, format="text", title=None,
                   outlet="Outlet", byline=None, published="2025-02-03", published_at=None, dateline=None,
                   url=None, captions=[], removed=[], indexed_at="2025-02-03T00:00", story="s", copy_of=None)


def _fact(ev: Evidence) -> Fact:
    return Fact("f1", "s", "boats sunk", "count", "contested", [FactValue("12", {"n": 12}, ["a1"], [ev])], "value")


def test_the_placed_mention_is_marked_not_the_first_same_wording() -> None:
    second = BODY.index("12", BODY.index("12") + 1)
    ev = Evidence("a1", BODY, 0, len(BODY), "12", second, second + 2)
    assert value_spans(_article(), [_fact(ev)]) == [(second, second + 2, True)]


def test_a_value_without_a_place_falls_back_to_its_wording() -> None:
    ev = Evidence("a1", BODY, 0, len(BODY), "12")
    first = BODY.index("12")
    assert value_spans(_article(), [_fact(ev)]) == [(first, first + 2, True)]


def test_a_place_outside_its_sentence_is_not_trusted() -> None:
    ev = Evidence("a1", BODY[:15], 0, 15, "Monday", BODY.index("Monday"), BODY.index("Monday") + 6)
    assert all(end <= 15 for _, end, _d in value_spans(_article(), [_fact(ev)]))  # never past the sentence
