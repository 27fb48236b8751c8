"""Figures that are not the story's own: an earlier period's ("in the same quarter last
year"), a forecast or a target ("versus a consensus of $12.1bn", "the bank's 2% target"),
a figure per item ("each about 7 metres long"), the value a figure moved from ("from 4.25
percent to 4.5 percent"). Calm coverage is full of them, and none may contest the story's
own figure. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from stories import observe_sentence
from test_facts_incidents import _articles
from wiredesk.core.facts import compare_story


def _frames(sentence: str) -> list[tuple[str, str | None]]:
    """Each count of the sentence with its frame (observe drops the framed ones)."""
    from wiredesk.core.facts.observe import frame_of
    from wiredesk.core.facts.quantities import find_counts

    return [(c.surface, frame_of(sentence, c.start, c.end, 2031, economic=c.noun in ("usd", "percent")))
            for c in find_counts(sentence)]


def _kept(sentence: str) -> list[str]:
    return [o.surface for o in observe_sentence(sentence, date(2031, 3, 3)) if o.kind == "count"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In the same quarter last year, the company reported revenue of $11.4 billion.",
         [("$11.4 billion", "prior")]),
        ("A typhoon killed more than 1,100 in 2009.", [("more than 1,100", "prior")]),
        ("Revenue was $12.4bn, up 9% year on year, versus a consensus of $12.1bn.",
         [("$12.4bn", None), ("9%", None), ("$12.1bn", "expected")]),
        ("Revenue rose 9% from a year earlier to $12.4bn.", [("9%", None), ("$12.4bn", None)]),
        ("Inflation stood at 3.8% in September, almost double the bank's 2% target.",
         [("3.8%", None), ("2%", "expected")]),
        ("The probe has two solar wings, each about 7 metres long.", [("two", "each"), ("about 7", "each")]),
        # the story's own figures
        ("The bridge, built in 1978, is 400 metres long.", [("400", None)]),
        ("The quake killed 40 people on Monday, the most since last year.", [("40", None)]),
        ("The toll of 40 is expected to rise.", [("40", None)]),
    ],
)
def test_the_frame_of_a_figure(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert _frames(sentence) == expected
    assert _kept(sentence) == [surface for surface, frame in expected if frame is None]  # background is no fact


def test_the_value_a_figure_moved_from_is_not_read() -> None:
    assert _kept("The bank raised rates, lifting the policy rate from 4.25 percent to 4.5 percent.") == ["4.5"]


def test_background_figures_never_contest_the_story_s_own() -> None:
    facts = compare_story("s1", *_articles(
        "Orvello Systems reported third-quarter revenue of $12.4 billion on Tuesday.\n"
        "In the same quarter last year, the company reported revenue of $11.4 billion.",
        "Orvello Systems said on Tuesday that third-quarter revenue was $12.4bn, "
        "above the $12.1bn analysts had expected.",
        "Third-quarter revenue at Orvello Systems came to $12.4 billion, the company said on Tuesday.",
    ))
    assert not [f for f in facts if f.status == "contested"], [(f.label, [v.value for v in f.values])
                                                               for f in facts if f.status == "contested"]


def test_a_local_time_with_a_city_clock_in_brackets_is_that_instant() -> None:
    times = [o for o in observe_sentence("The probe lifted off at 8 a.m. local time (noon in Paris) on Wednesday.",
                                         date(2031, 3, 12)) if o.kind == "time"]
    assert [(o.norm["hh:mm"], o.norm.get("utc")) for o in times] == [("08:00", "11:00")]


def test_a_record_set_in_an_earlier_month_and_year_is_background() -> None:
    assert _frames("The reading surpassed the 45.4C measured in Calvina in July 2019.") == [("45.4C", "prior")]
    assert _frames("The quake killed 40 people, the deadliest since 2019.") == [("40", None)]


def test_a_part_of_a_whole_never_lines_up_with_the_whole() -> None:
    facts = compare_story("s1", *_articles(
        "Forecasters said temperatures of 40 degrees or more would persist in 11 regions of Valmora until Sunday.",
        "Temperatures above 40C are forecast across 11 of Valmora's 14 regions until Sunday.",
    ))
    assert not [f for f in facts if f.status == "contested"]
