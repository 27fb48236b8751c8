"""The year the story's structure was built or opened: "the bridge, which opened in 1977"
against "which opened in 1976". Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_facts_incidents import _articles
from wiredesk.core.facts import compare_story


def _origins(*bodies: str) -> list[tuple[str, str, list[str]]]:
    facts = compare_story("s1", *_articles(*bodies))
    return [(f.label, f.status, sorted(v.value for v in f.values)) for f in facts if f.label.startswith("year the ")]


LEAD = "A cargo ship struck the Orvello Bridge in Corvana on Tuesday and the bridge collapsed."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The bridge, which opened in 1977, carried 30,000 cars a day.",
         "The bridge opened in 1976 and carried 30,000 cars a day."),
        ("The dam was built in 1956 on the river.", "The Soviet-era dam, constructed in 1955, burst."),
        ("The stadium, first opened in 1923, was packed.", "The stadium was inaugurated in 1924."),
    ],
)
def test_two_years_for_one_structure_are_contested(first: str, second: str) -> None:
    found = _origins(f"{LEAD}\n{first}", f"{LEAD}\n{second}")
    assert [(status, len(values)) for _, status, values in found] == [("contested", 2)]


def test_building_and_opening_are_two_different_years() -> None:
    assert _origins(f"{LEAD}\nThe bridge was built in 1974.", f"{LEAD}\nThe bridge opened in 1977.") == []


def test_the_same_year_agrees() -> None:
    found = _origins(f"{LEAD}\nThe bridge, built in 1977, was a landmark.",
                     f"{LEAD}\nBuilt in 1977, the bridge was a landmark.\nThe bridge was completed in 1977.")
    assert [(label, status) for label, status, _ in found] == [("year the bridge was built", "agreed")]


@pytest.mark.parametrize(
    "second",
    [
        "A new bridge opened in 2005 beside it.",  # a second structure of the same kind
        "The bridge is due to be replaced and the new span is to be completed in 2031.",  # a plan
        "The bridge carried trucks, and the port opened in 1990.",  # another thing's year
    ],
)
def test_a_year_of_something_else_is_not_the_structures(second: str) -> None:
    found = _origins(f"{LEAD}\nThe bridge opened in 1977.", f"{LEAD}\n{second}")
    assert all(status != "contested" for _, status, _ in found)
