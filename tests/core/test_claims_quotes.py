"""Quotes and speakers, attribution, hedges."""

from __future__ import annotations

import pytest

from tests.core.claims_helpers import mentions, run


def test_quote_with_speaker_after() -> None:
    body = "“We will appeal the verdict,” defence lawyer Anna Berg said outside the court."
    (q,) = mentions(run(body), "quote")
    assert q.normalized["text"] == "We will appeal the verdict,"
    assert q.normalized["speaker"] == "Anna Berg"
    assert q.normalized["closed"] is True


def test_quote_with_inverted_speaker_and_speaker_before() -> None:
    (q,) = mentions(run("“The water came fast,” said Tom Reyes, a farmer."), "quote")
    assert q.normalized["speaker"] == "Tom Reyes"
    (q,) = mentions(run("The minister told reporters: “Nobody will be left behind.”"), "quote")
    assert q.normalized["speaker"] == "The minister"


def test_statement_read_and_pronoun_speaker() -> None:
    body = (
        "Lena Ortiz spoke to reporters on Monday. “Prices will fall,” she said. "
        "“The board acted lawfully,” Acme’s statement read."
    )
    qs = mentions(run(body), "quote")
    assert [q.normalized["speaker"] for q in qs] == ["Lena Ortiz", "Acme"]


def test_unclosed_quote_runs_to_paragraph_end_and_is_clipped_per_sentence() -> None:
    body = "He said: “The dam held. We were lucky.\n\nCrews left at dawn."
    a = run(body)
    qs = mentions(a, "quote")
    assert [q.text for q in qs] == ["“The dam held.", "We were lucky."]
    assert all(not q.normalized["closed"] for q in qs)
    for q in qs:
        assert body[q.start : q.end] == q.text


def test_straight_double_quotes() -> None:
    (q,) = mentions(run('The coach said "we played badly" after the game.'), "quote")
    assert q.normalized["text"] == "we played badly"


@pytest.mark.parametrize(
    ("sentence", "source", "verb"),
    [
        ("The central bank said inflation had peaked.", "The central bank", "said"),
        ("Officials said the count would resume.", "Officials", "said"),
        ("Two senior officials said the talks failed.", "Two senior officials", "said"),
        ("The vote was delayed, Reuters reports.", "Reuters", "reports"),
        ("The bridge was closed, according to two officials.", "two officials", "according to"),
        (
            "Turnout fell, according to a statement by the Electoral Commission.",
            "the Electoral Commission",
            "according to",
        ),
        ("NASA confirmed the launch window.", "NASA", "confirmed"),
    ],
)
def test_attribution(sentence: str, source: str, verb: str) -> None:
    found = [(m.normalized["source"], m.normalized["verb"]) for m in mentions(run(sentence), "attribution")]
    assert (source, verb) in found, found


def test_negated_attribution() -> None:
    (m,) = [m for m in mentions(run("The statement did not name the victims."), "attribution")]
    assert m.normalized["negated"] is True


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The suspect reportedly fled north.", "reportedly"),
        ("It is estimated that 300 homes were lost.", "it is estimated"),
        ("The firm allegedly hid the losses.", "allegedly"),
        ("The fire was apparently started by a cigarette.", "apparently"),
        ("The leader is believed to have escaped.", "is believed to"),
        ("The group claimed the attack.", "claimed"),
    ],
)
def test_hedges(sentence: str, word: str) -> None:
    assert word in [m.normalized["word"] for m in mentions(run(sentence), "hedge")]


def test_plain_statement_has_no_hedge() -> None:
    assert mentions(run("The court fined the company 2 million euros."), "hedge") == []


def test_surname_speaker_is_reported_by_full_name() -> None:
    body = "Judge Maria Lopez opened the trial on Monday. “The jury will sit daily,” Lopez said."
    (q,) = mentions(run(body), "quote")
    assert q.normalized["speaker"] == "Maria Lopez"
