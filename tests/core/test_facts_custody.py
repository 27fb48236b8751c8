"""Whether the suspect is at large, in custody or dead, and whether anyone aboard survived:
sentences written for these tests and the invented stories tests/stories/custody_shooting.txt
and survivors_ferry.txt."""

from __future__ import annotations

import pytest
from stories import load
from wiredesk.core.facts import compare_story
from wiredesk.core.facts.custody import _status, custody_conflict
from wiredesk.core.facts.observe import Sentence
from wiredesk.core.facts.survivors import _statement


def _sentence(text: str) -> Sentence:
    return Sentence("a1", "a1", 0, len(text), text, None, 0)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The gunman remains at large, police said.", "at large"),
        ("Officers are urgently seeking the suspect, who fled on foot.", "at large"),
        ("A manhunt for the attacker entered its second day.", "at large"),
        ("The suspect was taken into custody late on Friday.", "in custody"),
        ("A possible suspect was in custody as of 9 p.m., a broadcaster reported.", "in custody"),
        ("The shooter was found dead of a self-inflicted wound on Saturday.", "dead"),
        ("The attacker killed himself as officers closed in.", "dead"),
        # the clause about the suspect, not the victims' deaths before it
        ("Four people were shot dead at a depot in Mirrel, and the 30-year-old suspect was detained.", "in custody"),
        ("Two men were held for questioning, but the gunman remains at large.", "at large"),
        ("The attacker, a 19-year-old student, was arrested at the scene.", "in custody"),
        ("A gunman opened fire on a queue, killing three people before he was arrested.", "in custody"),
    ],
)
def test_status_phrases_next_to_a_suspect_are_read(text: str, status: str) -> None:
    found = _status(_sentence(text))
    assert found is not None and found.status == status


@pytest.mark.parametrize(
    "text",
    [
        "Two men were detained for questioning near the scene.",  # no suspect named
        "The suspect is not in custody, police said.",  # negated
        "Police are investigating what happened at the plant.",
    ],
)
def test_other_arrests_negations_and_no_status_are_not_read(text: str) -> None:
    found = _status(_sentence(text))
    assert found is None or found.status != "in custody"


def test_at_large_and_in_custody_clash_but_a_status_agrees_with_itself() -> None:
    at_large = _status(_sentence("The gunman remains at large."))
    held = _status(_sentence("The suspect was arrested on Monday."))
    assert at_large is not None and held is not None
    assert custody_conflict(at_large, held) and not custody_conflict(at_large, at_large)


def test_outlets_disagreeing_on_custody_are_a_contest() -> None:
    articles, analyses = load("custody_shooting.txt")
    facts = [f for f in compare_story("s1", articles, analyses) if f.kind == "status"]
    assert len(facts) == 1
    assert facts[0].status == "contested" and facts[0].conflict == "value"
    assert {v.value: set(v.articles) for v in facts[0].values} == {
        "at large": {"shot-a", "shot-b"}, "in custody": {"shot-c"}}


def test_outlets_split_on_whether_anyone_aboard_survived() -> None:
    articles, analyses = load("survivors_ferry.txt")
    facts = [f for f in compare_story("s1", articles, analyses) if f.label == "whether anyone aboard survived"]
    assert len(facts) == 1
    assert facts[0].status == "contested"
    assert {v.value: set(v.articles) for v in facts[0].values} == {
        "none survived": {"ferry-a", "ferry-b"}, "some survived": {"ferry-c"}}


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("The jet crashed, killing all 12 people aboard.", "none survived"),
        ("There were no survivors, the agency said.", "none survived"),
        ("Everyone on board was killed instantly.", "none survived"),
        ("Two passengers survived and were flown to the capital.", "some survived"),
        ("Rescuers pulled a child alive from the wreckage on Monday.", "some survived"),
        ("No passengers survived the crash, the airline said.", "none survived"),
        ("No one on board is believed to have survived.", "none survived"),
        ("We do not know if there are any survivors, the spokesman said.", None),
        ("No survivors have been found so far.", None),
    ],
)
def test_survival_statements_are_read(text: str, answer: str | None) -> None:
    found = _statement(_sentence(text))
    assert (found.survived if found else None) == answer


def test_a_suspect_named_by_the_article_is_read_by_his_surname() -> None:
    from wiredesk.core.facts.custody import suspect_names

    sents = [_sentence("Police identified the suspect as Dana Whit, a 40-year-old reservist."),
             _sentence("Whit was found dead on Friday night, officials said.")]
    names = suspect_names(sents)
    assert names == frozenset({"Whit"})
    found = _status(sents[1], names)
    assert found is not None and found.status == "dead"
    assert _status(_sentence("Rowe was found dead on Friday night."), names) is None  # someone else


def _suspect_status(*bodies: tuple[str, str, str]) -> tuple[str, str | None]:
    """(status, conflict) of the suspect's status over ``(id, published, body)`` reports."""
    from stories import SimpleAnalysis, split
    from wiredesk.core.facts import compare_story
    from wiredesk.core.models import Article

    articles = [Article(id=i, path=f"{i}.txt", content_hash=i, body=b, raw=b, format="text", title=None,
                        outlet=f"Outlet {i}", byline=None, published=d, published_at=None, dateline=None, url=None,
                        captions=[], removed=[], indexed_at="x", story="s", copy_of=None) for i, d, b in bodies]
    facts = compare_story("s", articles, {a.id: SimpleAnalysis(split(a.body)) for a in articles})
    [status] = [f for f in facts if f.label == "status of the suspect"]
    return status.status, status.conflict


def test_a_status_that_moved_between_dated_reports_is_an_update() -> None:
    assert _suspect_status(
        ("a", "2031-03-03", "The gunman remains at large after the shooting in Corvana, police said."),
        ("b", "2031-03-03", "Police in Corvana said the shooter is still at large."),
        ("c", "2031-03-04", "The gunman in the Corvana shooting was found dead on Tuesday, police said."),
    ) == ("contested", "update")


def test_custody_then_death_is_a_contradiction_not_an_update() -> None:
    assert _suspect_status(
        ("a", "2031-03-03", "The gunman was taken into custody after the shooting in Corvana, police said."),
        ("b", "2031-03-04", "The gunman in the Corvana shooting was shot dead by police, local media said."),
    ) == ("contested", "value")
