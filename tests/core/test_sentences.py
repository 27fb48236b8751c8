"""Sentence splitting: exact offsets, abbreviations, paragraphs, headlines and captions."""

from __future__ import annotations

import pytest
from wiredesk.core.claims import split_sentences


def texts(body: str, captions: list[tuple[int, int]] | None = None) -> list[str]:
    return [s.text for s in split_sentences(body, captions)]


@pytest.mark.parametrize(
    "body",
    [
        "The U.S. Geological Survey said the quake hit at 3 a.m. local time on Jan. 5 in the region.",
        "Maj. Gen. Omar Haddad and Dr. Lena Ortiz met Mr. Ito at St. Mary's hospital.",
        "Turnout rose to 63.5 percent, up from 58.2 in the last vote.",
        "Flight No. 5 landed late; the U.N. mission and J. R. Hartley were aboard.",
        "He said the board would meet in Feb. 2025 to decide.",
        "The filing lists Acme Inc. and Beta Corp. as co-defendants.",
    ],
)
def test_abbreviations_do_not_split(body: str) -> None:
    assert texts(body) == [body]


def test_sentence_end_after_ambiguous_abbreviation_before_opener() -> None:
    body = "The vote was held in the U.S. The count starts at 9 p.m. He left."
    assert texts(body) == ["The vote was held in the U.S.", "The count starts at 9 p.m.", "He left."]


def test_sentence_opening_preposition_ends_an_abbreviated_sentence() -> None:
    """A capitalised preposition after "p.m." opens a sentence; a weekday or a name does not."""
    body = "The barge sank at about 10 p.m. During a briefing on Monday, the port chief spoke."
    assert texts(body) == ["The barge sank at about 10 p.m.", "During a briefing on Monday, the port chief spoke."]
    assert texts("The barge sank at 10 p.m. Sunday near Orvello.") == ["The barge sank at 10 p.m. Sunday near Orvello."]


def test_closing_quote_stays_with_its_sentence() -> None:
    body = "“We will rebuild,” the mayor said. “Every street.” Crews began work."
    assert texts(body) == ["“We will rebuild,” the mayor said.", "“Every street.”", "Crews began work."]


def test_ellipsis_lower_case_continues_upper_case_splits() -> None:
    assert texts("He paused... and then went on. Nobody spoke… The end.") == [
        "He paused... and then went on.",
        "Nobody spoke…",
        "The end.",
    ]


def test_question_and_exclamation_split() -> None:
    assert texts("Was it fraud? The court said no! Appeals follow.") == [
        "Was it fraud?",
        "The court said no!",
        "Appeals follow.",
    ]


def test_paragraph_breaks_always_split_and_headlines_are_sentences() -> None:
    body = "Floods hit river towns\n\nWater rose overnight in three villages. Roads closed\nMore rain due"
    sents = split_sentences(body)
    assert [s.text for s in sents] == [
        "Floods hit river towns",
        "Water rose overnight in three villages.",
        "Roads closed",
        "More rain due",
    ]
    assert [s.is_headline for s in sents] == [True, False, False, True]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]


def test_glued_sentences_in_scraped_captions_split() -> None:
    assert texts("Rescuers search the rubble.Crowds gathered at dawn.") == [
        "Rescuers search the rubble.",
        "Crowds gathered at dawn.",
    ]


def test_offsets_are_exact_and_trimmed() -> None:
    body = "  Lead line.   Second one.  \n\n\t Third  \r\n"
    for s in split_sentences(body):
        assert body[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text


def test_caption_spans_split_and_are_marked() -> None:
    caption = "Voters queue in the rain outside a polling station"
    body = f"{caption} Officials expect a record turnout. Polls close at 8 p.m."
    sents = split_sentences(body, [(0, len(caption))])
    assert sents[0].text == caption and sents[0].is_caption
    assert all(not s.is_caption for s in sents[1:])
    assert [s.text for s in sents[1:]] == ["Officials expect a record turnout.", "Polls close at 8 p.m."]


def test_empty_and_whitespace_bodies() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t ") == []
