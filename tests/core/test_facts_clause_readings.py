"""Which verb a figure belongs to, and which day a date is of: "killing 12 of the 40
passengers", "six were killed and 87 inmates escaped", "sent 42 people to hospital",
"police on Sunday named the five killed in Saturday's avalanche". Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest
from stories import observe_sentence
from wiredesk.core.facts.leads import lead_key


def _counts(sentence: str) -> list[tuple[str, str | None]]:
    return [(o.surface, o.pred) for o in observe_sentence(sentence, None) if o.kind == "count"]


def _dates(sentence: str) -> list[tuple[str, str]]:
    return [(o.surface, o.head) for o in observe_sentence(sentence, date(2031, 3, 12)) if o.kind == "date"]


def test_a_part_counts_what_the_verb_before_it_did() -> None:
    assert _counts("The gunmen killed 12 of the 40 passengers on the bus.") == [("12", "kill"), ("40", "whole")]


def test_a_whole_behind_a_possessive_is_a_whole() -> None:
    assert _counts("Temperatures passed 40C across 11 of the country's 14 regions.") == [("40C", None), ("14", "whole")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Six people were killed and 87 inmates escaped, officials said.", [("Six", "kill"), ("87", None)]),
        ("The storm killed four people, and 300 homes flooded.", [("four", "kill"), ("300", None)]),
        ("The attack killed 12 people gathered at the market.", [("12", "kill")]),  # a participle, not a clause
        ("Three people died and 40 passengers were injured.", [("Three", "kill"), ("40", "injure")]),
    ],
)
def test_a_figure_with_its_own_verb_is_not_the_object_of_the_verb_before(
        sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert _counts(sentence) == expected


def test_people_sent_to_hospital_were_hurt() -> None:
    assert _counts("The blast killed two workers and sent 42 people to hospital.") == [
        ("two", "kill"), ("42", "injure")]


def test_the_day_something_was_made_known_does_not_date_the_event() -> None:
    assert _dates("Police on Sunday named the five people killed in Saturday's avalanche.") == [
        ("Saturday's", "avalanche")]
    assert _dates("Officials on Monday raised the death toll to 40.") == []


@pytest.mark.parametrize(
    ("sentence", "slot"),
    [
        ("The landslide struck shortly before 3 a.m. on Tuesday.", ("time", "landslide")),
        ("A mudslide buried the road at about 4 a.m.", ("time", "landslide")),
        ("The blackout began at 11:42 a.m. local time.", ("time", "blackout")),
        ("The outage started at 11:40 a.m.", ("time", "blackout")),
        ("The stampede began at around 6:15 a.m.", ("time", "crush")),
    ],
)
def test_the_time_of_a_sudden_event_is_one_slot(sentence: str, slot: tuple[str, str]) -> None:
    times = [o for o in observe_sentence(sentence, date(2031, 3, 12)) if o.kind == "time"]
    assert [lead_key(o) for o in times] == [slot]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("More than 200 rescue workers searched the rubble.", [("More than 200", None)]),
        ("About 40 evacuation buses were sent.", [("About 40", None)]),
        ("Five trapped miners were freed.", [("Five", "trap")]),  # a participle: what befell them
    ],
)
def test_a_noun_of_action_before_the_noun_names_what_is_counted(
        sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert _counts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "n"),
    [
        ("Two hundred and eighty-one children were released on Sunday.", "Two hundred and eighty-one", 281),
        ("Five hundred people attended the funeral.", "Five hundred", 500),
        ("Officials said 500 000 doses had arrived.", "500 000", 500000),
        ("Some 3\u00a0000 people were evacuated.", "Some 3\u00a0000", 3000),
    ],
)
def test_numbers_in_words_and_spaced_thousands(sentence: str, surface: str, n: int) -> None:
    counts = [(o.surface, o.norm["n"]) for o in observe_sentence(sentence, None) if o.kind == "count"]
    assert counts == [(surface, n)]


def test_a_year_before_a_figure_is_not_its_thousands() -> None:
    counts = [(o.surface, o.norm["n"]) for o in observe_sentence("In 2023 100 people died in floods.", None)
              if o.kind == "count"]
    assert counts == [("100", 100)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The outage hit 4.2m customers on Tuesday.", [("4.2m", 4200000)]),
        ("About 1.5m people were left without water.", [("About 1.5m", 1500000)]),
        ("The wall is 1.5m high.", []),
        ("The 10m waves hit the harbour.", []),
        ("He won the 100m sprint.", []),
    ],
)
def test_millions_written_with_an_m(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(o.surface, o.norm["n"]) for o in observe_sentence(sentence, None) if o.kind == "count"] == expected


def test_a_time_in_a_clause_after_a_verb_of_saying_is_the_clause_s() -> None:
    times = [(o.surface, o.head) for o in observe_sentence("Police said the gunfire started at about 10:15 p.m.",
                                                             date(2031, 3, 12)) if o.kind == "time"]
    assert times == [("about 10:15 p.m.", "shooting")]
    assert not [o for o in observe_sentence("Police said at 5 p.m. that the toll had risen.", date(2031, 3, 12))
                if o.kind == "time"]


@pytest.mark.parametrize("written", ["6:20 a.m. Eastern", "6:20 a.m. Eastern Standard Time",
                                     "6:20 a.m. (Eastern time)"])
def test_us_zone_names_are_zones(written: str) -> None:
    times = [o for o in observe_sentence(f"The bridge fell at {written} on Tuesday.", date(2031, 1, 14))
             if o.kind == "time"]
    assert [o.norm.get("utc") for o in times] == ["11:20"]


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("Authorities raised the alert level to 4 on Tuesday.", 4),
        ("Officials raised the alert to level 3.", 3),
        ("The alert level was raised to four.", 4),
    ],
)
def test_an_alert_level_is_one_slot(sentence: str, n: int) -> None:
    found = [o for o in observe_sentence(sentence, None) if o.kind == "count"]
    assert [(o.norm["n"], lead_key(o)) for o in found] == [(n, ("alert", "alert"))]


def test_a_speed_glued_to_its_unit_is_a_speed() -> None:
    found = [o for o in observe_sentence("The typhoon packed winds of 115mph as it made landfall.", None)
             if o.kind == "count"]
    assert [(o.head, o.norm["unit"]) for o in found] == [("speed", "mph")]


def test_a_group_counted_by_its_size() -> None:
    found = [(o.surface, o.head) for o in observe_sentence("The plane carried 80 passengers and a crew of six.", None)
             if o.kind == "count"]
    assert found == [("80", "passenger"), ("six", "crew")]


def test_weapons_named_three_ways_are_one_thing() -> None:
    heads = {o.head for o in observe_sentence("Police recovered two firearms, three guns and a rifle.", None)
             if o.kind == "count"}
    assert heads == {"weapon"}


def test_an_age_after_a_role_in_commas() -> None:
    found = [(o.surface, o.head, o.norm["n"]) for o in observe_sentence("The shooter, 24, was arrested at the scene.",
                                                                          None) if o.kind == "count"]
    assert found == [("24", "age", 24)]


def test_a_duration_is_nothing_that_happened_to_anyone() -> None:
    found = [(o.surface, o.pred) for o in observe_sentence(
        "The gunman was arrested after officers reached him within four minutes.", None) if o.kind == "count"]
    assert found == [("four", None)]
