"""The fact engine on small invented stories (tests/stories/*.txt), each with its traps."""

from __future__ import annotations

import pytest
from stories import HERE, load
from wiredesk.core.facts import compare_story, fact_from_json
from wiredesk.core.models import Fact


def _facts(name: str) -> tuple[list[Fact], dict[str, str]]:
    articles, analyses = load(name)
    facts = compare_story("s1", articles, analyses)
    bodies = {a.id: a.body for a in articles}
    for fact in facts:  # the offsets invariant holds on every fact
        for value in fact.values:
            for ev in value.evidence:
                assert bodies[ev.article][ev.start:ev.end] == ev.sentence
                if ev.value_start is not None:  # and the mention it read, inside that sentence
                    assert ev.start <= ev.value_start and ev.value_end <= ev.end
                    assert bodies[ev.article][ev.value_start:ev.value_end] == ev.value
    return facts, bodies


def _contested(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.status == "contested"]


def _with_value(facts: list[Fact], text: str) -> Fact:
    hits = [f for f in facts if any(v.value == text for v in f.values)]
    assert hits, f"no fact has the value {text!r}"
    return hits[0]


def test_agreement_story_reports_no_contest() -> None:
    facts, _ = _facts("agreement_flood.txt")
    assert _contested(facts) == []
    deaths = _with_value(facts, "At least 12")
    assert deaths.status == "agreed"
    # flood-c reprints flood-a: three outlets, not four
    assert deaths.sources == 3
    assert {"flood-a", "flood-b", "flood-d"} <= {a for v in deaths.values for a in v.articles}
    governor = [f for f in facts if f.kind == "name" and "Varga" in f.label]
    assert governor and governor[0].status == "agreed"


def test_business_story_with_many_figures_agrees() -> None:
    facts, _ = _facts("agreement_earnings.txt")
    assert _contested(facts) == []
    revenue = _with_value(facts, "$3.5 billion")
    assert revenue.status == "agreed" and revenue.sources == 3
    # "3.5 billion dollars" is the same figure in the same currency
    assert "biz-d" in {a for v in revenue.values for a in v.articles}
    stores = _with_value(facts, "40")
    assert stores.status == "agreed"
    assert all(v.normalized.get("n") != 1200 for v in stores.values)
    ceo = [f for f in facts if f.kind == "name" and "Okafor" in f.label]
    assert len(ceo) == 1 and ceo[0].status == "agreed"
    assert [v.value for v in ceo[0].values] == ["Maria L. Okafor"]
    assert not any(f.kind == "name" and "Foods" in f.label for f in facts)


def test_two_events_a_day_apart_keep_their_own_dates() -> None:
    facts, _ = _facts("two_events.txt")
    assert _contested(facts) == []
    dates = sorted((f for f in facts if f.kind == "date"), key=lambda f: f.values[0].normalized["date"])
    assert [(f.status, f.sources) for f in dates] == [("agreed", 3), ("agreed", 3)]
    assert [f.values[0].normalized["date"] for f in dates] == ["2022-06-11", "2022-06-12"]


def test_reprint_alone_is_single_source() -> None:
    facts, _ = _facts("agreement_flood.txt")
    rescued = _with_value(facts, "40")
    assert rescued.status == "single"
    assert rescued.sources == 1
    assert set(rescued.values[0].articles) == {"flood-a", "flood-c"}


def test_count_bound_contest() -> None:
    facts, _ = _facts("bound_quake.txt")
    contested = _contested(facts)
    assert len(contested) == 1
    toll = contested[0]
    assert toll.kind == "count" and toll.conflict == "bound"
    assert {v.value for v in toll.values} >= {"At least 212", "More than 230"}
    assert toll.sources == 3
    # the older quake's toll and the injured are not part of the slot
    assert all(v.normalized.get("n") not in (15, 900) for v in toll.values)


def test_date_contest_ignores_statement_dates() -> None:
    facts, _ = _facts("date_fire.txt")
    contested = _contested(facts)
    assert len(contested) == 1
    fire = contested[0]
    assert fire.kind == "date" and fire.conflict == "value"
    assert {v.normalized.get("date") for v in fire.values} == {"2021-03-03", "2021-03-04"}
    deaths = [f for f in facts if f.kind == "count" and f.status == "agreed"]
    assert deaths, "four workers killed is agreed by three outlets"


def test_spelling_variants_of_one_person() -> None:
    facts, _ = _facts("spelling_minister.txt")
    contested = _contested(facts)
    assert len(contested) == 1
    minister = contested[0]
    assert minister.kind == "name" and minister.conflict == "spelling"
    spellings = {v.value for v in minister.values}
    assert spellings == {"Ahmad Qasim al-Fadhli", "Ahmed Kasem al-Fadli"}
    assert minister.sources == 3
    assert any("transliteration" in r for r in minister.reasons)
    for value in minister.values:  # each outlet's spelling is in its evidence sentence
        assert all(value.value in ev.sentence for ev in value.evidence)


def test_different_people_sharing_a_surname_form_stay_apart() -> None:
    facts, _ = _facts("spelling_minister.txt")
    names = [f for f in facts if f.kind == "name"]
    minister = next(f for f in names if f.status == "contested")
    assert all("Tariq" not in v.value for v in minister.values)
    nouris = [f for f in names if any("Karim" in v.value for v in f.values)]
    # "Abd al-Karim Nouri" and "Abu Karim Nouri" are two people, each single-source
    assert len(nouris) == 2
    assert all(f.status == "single" for f in nouris)


def test_compatible_statements_do_not_contest() -> None:
    facts, _ = _facts("compatible_summit.txt")
    assert _contested(facts) == []
    meeting = [f for f in facts if f.kind == "time"]
    assert meeting and meeting[0].status == "agreed"
    day = [f for f in facts if f.kind == "date"]
    assert day and day[0].status == "agreed"
    assert {v.normalized["date"] for v in day[0].values} == {"2019-01-10"}
    delegations = _with_value(facts, "more than 40")
    assert delegations.status == "agreed"
    assert {v.value for v in delegations.values} == {"more than 40", "43"}


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.txt")))
def test_facts_round_trip_through_json(name: str) -> None:
    facts, _ = _facts(name)
    assert facts
    for fact in facts:
        assert fact_from_json(fact.to_dict()) == fact


def test_ids_are_stable_and_unique() -> None:
    first, _ = _facts("bound_quake.txt")
    again, _ = _facts("bound_quake.txt")
    assert [f.id for f in first] == [f.id for f in again]
    assert len({f.id for f in first}) == len(first)


def test_fifty_article_story_keeps_one_slot_per_fact() -> None:
    """50 outlets writing variations of one story line up into one fact per slot (its speed
    is benchmarks/engine.py's to measure)."""
    articles, analyses = load("bound_quake.txt")
    base = articles[0]
    many = []
    from dataclasses import replace

    for i in range(50):
        src = articles[i % len(articles)]
        body = src.body + f"\n\nOfficials counted {200 + i % 7} aftershocks and {i + 3} damaged bridges."
        many.append(replace(src, id=f"x{i}", body=body, copy_of=None))
    from stories import SimpleAnalysis, split

    analyses = {a.id: SimpleAnalysis(split(a.body)) for a in many}
    assert base.id not in analyses
    facts = compare_story("s1", many, analyses)
    toll = [f for f in facts if f.status == "contested" and "killed" in f.label]
    assert len(toll) == 1, [(f.label, f.status) for f in facts]
    assert len({a for v in toll[0].values for a in v.articles}) >= 30


def test_precision_contest_on_one_figure() -> None:
    facts, _ = _facts("precision_raids.txt")
    contested = _contested(facts)
    assert len(contested) == 1
    raid = contested[0]
    assert raid.kind == "count" and raid.conflict == "precision"
    assert {v.value for v in raid.values} == {"more than 60", "60", "dozens"}
    # the reprint sits with its original and adds no source
    assert raid.sources == 3
    sixty = next(v for v in raid.values if v.value == "60")
    assert set(sixty.articles) == {"raid-b", "raid-d"}


def test_same_figure_of_another_search_does_not_align() -> None:
    facts, _ = _facts("precision_raids.txt")
    cited = {ev.article for f in _contested(facts) for v in f.values for ev in v.evidence}
    assert "raid-e" not in cited
    other = [f for f in facts if any("raid-e" in v.articles for v in f.values) and f.kind == "count"]
    assert other and all(f.status == "single" for f in other)
    arrests = _with_value(facts, "Fourteen")
    assert arrests.status == "agreed" and arrests.sources == 2


def test_attribution_contest_needs_the_same_quoted_statement() -> None:
    facts, _ = _facts("attribution_ambush.txt")
    contested = _contested(facts)
    assert len(contested) == 1, [(f.label, [v.value for v in f.values]) for f in contested]
    fact = contested[0]
    assert fact.kind == "attribution" and fact.conflict == "attribution"
    named, unnamed = fact.values
    assert named.normalized == {"named": True, "name": "Captain Ilse Brandt"} and named.articles == ["amb-a"]
    assert unnamed.normalized == {"named": False} and unnamed.articles == ["amb-b"]
    assert unnamed.evidence[0].value == "did not identify the officer"
    assert fact.label == "whether the statement named the officer"
    # the hospital's statement and the police's own naming are other accounts
    assert "amb-c" not in {a for v in fact.values for a in v.articles}
    toll = _with_value(facts, "Four")
    assert toll.status == "agreed"  # "three other soldiers" is a part, not a rival total


def test_no_attribution_contest_without_a_shared_quotation() -> None:
    from stories import SimpleAnalysis, split

    articles, _ = load("attribution_ambush.txt")
    a, b = articles[0], articles[1]
    from dataclasses import replace

    body = b.body.replace('"who led the convoy through the Tarn pass"', "a convoy leader")
    b2 = replace(b, body=body, raw=body)
    facts = compare_story("s1", [a, b2], {x.id: SimpleAnalysis(split(x.body)) for x in (a, b2)})
    assert not any(f.kind == "attribution" for f in facts)


def test_compare_story_restores_the_cycle_collector() -> None:
    import gc

    articles, analyses = load("agreement_flood.txt")
    was_on = gc.isenabled()
    try:
        gc.enable()
        assert compare_story("s1", articles, analyses)
        assert gc.isenabled()
        gc.disable()
        assert compare_story("s1", articles, analyses)
        assert not gc.isenabled()  # a caller that switched it off keeps it off
    finally:
        if was_on:
            gc.enable()
