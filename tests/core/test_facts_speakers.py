"""Who said a quotation: the same words given to two people are a contest; a quoted stretch
of a longer quotation is the same statement; one person named two ways is no contest.
Quotations written for these tests."""

from __future__ import annotations

import pytest
from wiredesk.core.facts.observe import Sentence
from wiredesk.core.facts.speakers import Quoted, one_person, same_statement, speaker_slots


def _q(article: str, words: str, speaker: str) -> Quoted:
    text = f'"{words}," said {speaker}.'
    sent = Sentence(article, article, 0, len(text), text, None, 0)
    at = text.index(speaker)
    return Quoted(sent, at, at + len(speaker), speaker, speaker.split()[-1].lower(), words.lower())


LINE = "the pumps will run all night and we expect the water to fall by morning"


def test_the_same_words_given_to_two_people_are_a_slot() -> None:
    slots = speaker_slots([_q("a", LINE, "Ines Calloway"), _q("b", LINE, "Marek Oduya")])
    assert [len(group) for _, group in slots] == [2]
    assert slots[0][0].startswith("who said \u201cthe pumps will run all night")


def test_a_stretch_of_a_longer_quotation_is_the_same_statement() -> None:
    longer = _q("a", LINE + " and then the clean-up can begin in earnest", "Ines Calloway")
    assert same_statement(longer, _q("b", LINE, "Marek Oduya"))


def test_different_words_are_different_statements() -> None:
    other = "the council has opened three shelters for families who had to leave"
    assert not same_statement(_q("a", LINE, "Ines Calloway"), _q("b", other, "Ines Calloway"))


def test_one_person_named_two_ways_is_no_contest() -> None:
    assert one_person(_q("a", LINE, "Ines Calloway"), _q("b", LINE, "Mayor Ines Calloway"))
    assert one_person(_q("a", LINE, "Ines Calloway"), _q("b", LINE, "Ines Caloway"))
    assert speaker_slots([_q("a", LINE, "Ines Calloway"), _q("b", LINE, "Mayor Ines Calloway")]) == []


def test_a_reprint_quoting_its_original_is_no_second_outlet() -> None:
    a, b = _q("a", LINE, "Ines Calloway"), _q("b", LINE, "Marek Oduya")
    b.sent.root = "a"  # b copies a: one source
    assert speaker_slots([a, b]) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are packed like sardines in the shelters," said provincial governor Amparo Tessel.', "Amparo Tessel"),
        ('"We are packed like sardines in the shelters," Renaldo Corvin, the head of the disaster agency, said.',
         "Renaldo Corvin"),
        ('"We are packed like sardines in the shelters," said Renaldo Corvin, head of the agency.', "Renaldo Corvin"),
        ('"We are packed like sardines in the shelters," Mayor Ana Ruiz said.', "Mayor Ana Ruiz"),
    ],
)
def test_the_speaker_named_after_a_quotation(text: str, speaker: str) -> None:
    from wiredesk.core.claims.quotes import quote_speaker

    end = text.index('," ') + 2
    assert quote_speaker(text, 0, end, len(text), 0, lambda name, _at: name) == speaker
