"""The name outlets give a thing ("the vessel, called the Sea Lark"): sentences written for
these tests and the invented story tests/stories/naming_submersible.txt."""

from __future__ import annotations

from stories import load
from wiredesk.core.facts import compare_story
from wiredesk.core.facts.called import _namings, naming_conflict
from wiredesk.core.facts.observe import Sentence


def _sentence(text: str) -> Sentence:
    return Sentence("a1", "a1", 0, len(text), text, None, 0)


def test_a_definite_thing_and_its_name_are_read() -> None:
    found = _namings(_sentence("The rescue operation, dubbed Operation Tidewater, began at dawn."))
    assert [(sorted(n.nouns), n.name) for n in found] == [(["operation", "rescue"], "Operation Tidewater")]


def test_people_and_indefinite_things_are_not_read() -> None:
    assert _namings(_sentence("The man, named as Arlo Venn, was taken to hospital.")) == []
    assert _namings(_sentence("A group called the River Front claimed the attack.")) == []


def test_one_name_written_two_ways_is_no_conflict() -> None:
    a = _namings(_sentence("The ferry, called the Valmora, sank."))[0]
    b = _namings(_sentence("The ferry, named Valmorra, sank."))[0]
    c = _namings(_sentence("The ferry, called the Kestrel, sank."))[0]
    assert not naming_conflict(a, b) and naming_conflict(a, c)


def test_two_names_for_one_thing_are_a_contest() -> None:
    articles, analyses = load("naming_submersible.txt")
    facts = [f for f in compare_story("s1", articles, analyses) if f.label.startswith("name of the")]
    # the support ship, named by one outlet only, is another thing and no fact
    assert len(facts) == 1, [f.label for f in facts]
    assert facts[0].status == "contested" and facts[0].conflict == "value"
    assert {v.value: set(v.articles) for v in facts[0].values} == {
        "Sea Lark": {"sub-a", "sub-b"}, "Kestrel": {"sub-c"}}
