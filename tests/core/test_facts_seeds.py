"""The whole engine (ingest → claims → grouping → facts) on the bundled seed story."""

from __future__ import annotations

from pathlib import Path

import pytest
from wiredesk.core.models import Fact
from wiredesk.core.service import Wiredesk


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Fact], dict[str, str], dict[str, str]]:
    from wiredesk.core.facts import fact_from_json

    from wiredesk.resources import bundled_dir

    home = tmp_path_factory.mktemp("home")
    service = Wiredesk(home / "index.db")
    service.index([bundled_dir("seeds")])
    report = service.report()
    stem = {a["id"]: Path(a["path"]).stem[:3] for a in report["articles"]}
    bodies = {a: service.article(a).body for a in stem}
    facts = [fact_from_json(f) for f in report["facts"]]
    service.close()
    return facts, stem, bodies


def _outlets_by_value(fact: Fact, stem: dict[str, str]) -> list[set[str]]:
    return [{stem[a] for a in v.articles} for v in fact.values]


def _find(facts: list[Fact], kind: str, *needles: str) -> Fact:
    for fact in facts:
        if fact.status == "contested" and fact.kind == kind:
            texts = " ".join(ev.sentence for v in fact.values for ev in v.evidence)
            if all(n in texts for n in needles):
                return fact
    raise AssertionError(f"no contested {kind} fact citing {needles}")


def test_offsets_invariant_on_every_fact(seeds_report) -> None:
    facts, _, bodies = seeds_report
    assert facts
    for fact in facts:
        for value in fact.values:
            for ev in value.evidence:
                assert bodies[ev.article][ev.start:ev.end] == ev.sentence


def test_every_value_points_at_the_words_it_was_read_from(seeds_report) -> None:
    """The mention a fact read is placed in the body, inside its sentence: the reading pane
    marks that span, so it shows exactly what the facts panel shows."""
    facts, _, bodies = seeds_report
    placed = 0
    for fact in facts:
        for value in fact.values:
            for ev in value.evidence:
                if ev.value_start is None:
                    continue
                placed += 1
                assert ev.start <= ev.value_start < ev.value_end <= ev.end
                assert bodies[ev.article][ev.value_start:ev.value_end] == ev.value
    counted = sum(1 for f in facts if f.kind in ("count", "date", "time", "name") for v in f.values for _ in v.evidence)
    assert placed >= counted > 0


def test_attack_count_is_a_bound_contest(seeds_report) -> None:
    facts, stem, _ = seeds_report
    fact = _find(facts, "count", "at least 150 times", "at least 168 times")
    assert fact.conflict == "bound"
    by_value = _outlets_by_value(fact, stem)
    assert not any({"000", "004"} <= outlets for outlets in by_value)
    # all four outlets that give a running total are in the slot
    assert set().union(*by_value) == {"000", "001", "002", "004"}
    assert fact.sources == 4


def test_jordan_attack_date_is_a_value_contest(seeds_report) -> None:
    facts, _, _ = seeds_report
    fact = _find(facts, "date", "January 27 attack", "Jan. 28 attack")
    assert fact.conflict == "value"
    dates = {v.normalized.get("date") for v in fact.values}
    assert {"2024-01-27", "2024-01-28"} <= dates


@pytest.mark.parametrize(
    ("spellings"),
    [("Abu Baqir Al-Saadi", "Abu Baqir al-Saedi"), ("Arkhan Al-Alawi", "Arkan Al Alyawi"),
     ("Yehia Rasool", "Yahya Rasool")],
)
def test_name_variants_are_spelling_contests(seeds_report, spellings: tuple[str, str]) -> None:
    facts, _, _ = seeds_report
    fact = _find(facts, "name", *spellings)
    assert fact.conflict == "spelling"
    assert fact.reasons


def test_different_people_with_a_similar_surname_are_not_merged(seeds_report) -> None:
    facts, _, _ = seeds_report
    for fact in facts:
        if fact.kind == "name":
            values = " | ".join(v.value for v in fact.values)
            assert not ("Mushtaq" in values and "Baqir" in values)
            assert not ("Murtadha" in values and "Mohammed Shia" in values)


def test_few_contests_and_agreed_core_facts(seeds_report) -> None:
    facts, _, _ = seeds_report
    contested = [f for f in facts if f.status == "contested"]
    assert 5 <= len(contested) <= 7
    agreed = [f for f in facts if f.status == "agreed"]
    killed = [f for f in agreed if f.kind == "count" and any(v.normalized.get("n") == 3 for v in f.values)]
    assert killed, "three killed is agreed"
    assert any(f.kind == "time" and f.sources >= 2 for f in agreed), "the 9:30 pm strike time is agreed"
