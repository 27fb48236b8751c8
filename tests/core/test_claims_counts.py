"""Counts: bounds, counted nouns, vague quantities, and the numbers that are not counts."""

from __future__ import annotations

import pytest

from tests.core.claims_helpers import mentions, one, run


@pytest.mark.parametrize(
    ("sentence", "op", "n", "unit"),
    [
        ("Aftershocks struck the coast at least 40 times overnight.", ">=", 40, "times"),
        ("Rescuers have pulled more than 1,200 survivors from the rubble.", ">", 1200, "survivors"),
        ("The river rose over 45 centimetres in a day.", ">", 45, "centimetres"),
        ("The shelter can hold up to 30 families.", "<=", 30, "families"),
        ("Fewer than 10 homes were left standing.", "<", 10, "homes"),
        ("Less than 5 ballots were rejected.", "<", 5, "ballots"),
        ("The firm employs roughly 3,500 seasonal workers.", "~", 3500, "workers"),
        ("About 600 delegates attended the convention.", "~", 600, "delegates"),
        ("Some 2,000 volunteers joined the clean-up.", "~", 2000, "volunteers"),
        ("Nearly 900 flights were cancelled.", "<~", 900, "flights"),
        ("Almost 70 lawyers signed the letter.", "<~", 70, "lawyers"),
        ("The jury heard from three members of the board.", "=", 3, "members"),
        ("Inspectors visited 85 sites across the valley.", "=", 85, "sites"),
        ("Twenty-five students were evacuated.", "=", 25, "students"),
    ],
)
def test_bounds_and_counted_nouns(sentence: str, op: str, n: int, unit: str) -> None:
    m = one(sentence, "count")
    assert (m.normalized["op"], m.normalized["n"], m.normalized["unit"]) == (op, n, unit)
    assert m.normalized["class"] == "count"


def test_noun_lemma_and_governing_verb() -> None:
    m = one("Storms have battered the island more than 30 times this year.", "count")
    assert m.normalized["noun"] == "time"
    assert m.normalized["context"] == "batter"
    m = one("The army said its jets struck 12 depots.", "count")
    assert (m.normalized["noun"], m.normalized["context"]) == ("depot", "strike")


def test_adjectives_between_number_and_noun_are_skipped() -> None:
    m = one("Officials counted 85 partly flooded rural schools in the district.", "count")
    assert m.normalized["unit"] == "schools"
    assert m.text == "85 partly flooded rural schools"


@pytest.mark.parametrize(
    ("sentence", "lo"),
    [
        ("Dozens of protesters were detained.", 24),
        ("Hundreds of homes lost power.", 200),
        ("Scores of candidates withdrew.", 40),
        ("Thousands of fans waited outside.", 2000),
    ],
)
def test_vague_quantities(sentence: str, lo: int) -> None:
    m = one(sentence, "count")
    assert m.normalized["op"] == "vague" and m.normalized["n"] is None
    assert m.normalized["min"] == lo
    assert m.normalized["unit"] is not None


def test_percent_money_and_age_are_marked_apart() -> None:
    got = {
        m.normalized["class"]: m
        for m in mentions(run("A 34-year-old clerk said sales rose 12% to $3.5 million."), "count")
    }
    assert got["age"].normalized["n"] == 34
    assert (got["percent"].normalized["n"], got["percent"].normalized["unit"]) == (12, "%")
    assert (got["money"].normalized["n"], got["money"].normalized["unit"]) == (3_500_000, "USD")


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2019 and amended later.",
        "Call 5551234567 for details.",
        "The F-16 and B-52 bombers flew past.",
        "She finished 3rd in the 10th round.",
        "The meeting is at 9:30 on Tuesday.",
        "Polls open on March 3.",
        "One of the candidates withdrew.",
        "Gate No. 4 was closed.",
    ],
)
def test_things_that_are_not_counts(sentence: str) -> None:
    assert mentions(run(sentence), "count") == []
