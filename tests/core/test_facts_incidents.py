"""Figures of accidents and attacks worded as wire copy words them: the people hurt "others",
the people brought out alive, the people on board, the height something fell, a workforce
called two names, the age of a suspect. Sentences written for these tests, and the invented
story tests/stories/rescue_mine.txt."""

from __future__ import annotations

import pytest
from stories import load, observe_sentence
from wiredesk.core.facts import compare_story
from wiredesk.core.facts.leads import lead_key


def _counts(sentence: str) -> list[tuple[str, str | None]]:
    return [(o.surface, o.pred) for o in observe_sentence(sentence, None) if o.kind == "count"]


@pytest.mark.parametrize(
    ("sentence", "surface", "pred"),
    [
        ("At least 14 others were wounded in the attack.", "At least 14", "injure"),
        ("More than 90 others were injured in the crush.", "More than 90", "injure"),
        ("Crews pulled six people alive from the rubble overnight.", "six", "rescue"),
        ("Nine miners were brought to the surface alive.", "Nine", "rescue"),
        ("Four climbers were found alive on the ridge.", "Four", "rescue"),
        ("The coach had 44 people on board when it overturned.", "44", "aboard"),
        ("There were 120 passengers aboard the ferry.", "120", "aboard"),
    ],
)
def test_accident_wordings_say_what_happened_to_whom(sentence: str, surface: str, pred: str) -> None:
    assert (surface, pred) in _counts(sentence)


def test_other_victims_added_to_a_toll_stay_a_part() -> None:
    assert _counts("Two others died later in hospital.") == []


def test_the_height_something_fell_is_one_slot_and_lengths_elsewhere_are_not() -> None:
    fell = [o for o in observe_sentence("The bus plunged about 80 metres into a gorge.", None) if o.kind == "count"]
    assert [lead_key(o) for o in fell] == [("measure", "drop")]
    wide = [o for o in observe_sentence("The bus was about 12 metres long.", None) if o.kind == "count"]
    assert all(lead_key(o) != ("measure", "drop") for o in wide)


def test_miners_and_workers_trapped_are_one_slot() -> None:
    texts = ("Twelve miners are trapped underground.", "Rescuers tried to reach 9 workers still trapped.")
    keys = {lead_key(o) for text in texts for o in observe_sentence(text, None) if o.kind == "count"}
    assert keys == {("trap", "worker")}


def test_a_mine_story_contests_trapped_rescued_and_the_fall() -> None:
    articles, analyses = load("rescue_mine.txt")
    facts = compare_story("s1", articles, analyses)
    contested = {f.label: {v.value for v in f.values} for f in facts if f.status == "contested"}
    by_values = sorted(sorted(v) for v in contested.values())
    assert ["21", "Twenty-six"] in by_values
    assert ["Ten", "seven"] in by_values
    assert ["about 300", "roughly 250"] in by_values
    assert not any("200" in v for vals in contested.values() for v in vals), contested  # the rescuers
    assert any(label.startswith("height of the fall") for label in contested), contested
