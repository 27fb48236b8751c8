"""A town named after a compass point, written as a region by one outlet: the invented story
tests/stories/compass_town.txt."""

from __future__ import annotations

from stories import load
from wiredesk.core.facts import compare_story


def test_a_town_written_as_a_region_is_a_spelling_contest() -> None:
    articles, analyses = load("compass_town.txt")
    facts = compare_story("s1", articles, analyses)
    town = [f for f in facts if f.label == "spelling of East Harlow"]
    assert len(town) == 1, [f.label for f in facts]
    assert town[0].status == "contested" and town[0].conflict == "spelling"
    assert {v.value: set(v.articles) for v in town[0].values} == {
        "East Harlow": {"town-a", "town-b"}, "eastern Harlow": {"town-c"}}


def test_a_region_most_outlets_write_is_not_set_against_one_capitalised_name() -> None:
    articles, analyses = load("compass_town.txt")
    facts = compare_story("s1", articles, analyses)
    assert not [f for f in facts if "Varena" in f.label], [f.label for f in facts]
