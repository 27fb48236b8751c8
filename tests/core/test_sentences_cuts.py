"""Cut candidates are found only at punctuation; that must equal a full ``_CUT`` scan."""

from __future__ import annotations

import random

from wiredesk.core.claims import sentences


def _full_scan(line: str) -> list[int]:
    return [m.end() for m in sentences._CUT.finditer(line) if sentences._keep_cut(line, m.start(), m.end())]


def test_cuts_equal_full_scan_on_random_lines() -> None:
    rng = random.Random(11)
    alphabet = [*"ab AZ.!?…\"'”)]\t", "Dr.", "U.S.", "...", "etc. The", "a.m. Then", "ok.Next"]
    for _ in range(5000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        assert sentences._cuts_in_line(line) == _full_scan(line), line


def test_cuts_split_ordinary_sentences() -> None:
    line = "He left. She stayed! Did they? Yes… Maybe."
    # the line end is a boundary of its own, not a cut
    assert [line[:c][-1] for c in sentences._cuts_in_line(line)] == [".", "!", "?", "…"]


def test_a_single_letter_ends_a_sentence_when_one_plainly_opens_after_it() -> None:
    """"in Block B. The blast": a sentence ends; "George W. Bush" and "J. A. Smith" are initials."""
    def texts(body: str) -> list[str]:
        return [s.text for s in sentences.split_sentences(body)]

    assert texts("Workers were in Block B. The blast came at dawn.") == [
        "Workers were in Block B.", "The blast came at dawn."]
    assert texts("George W. Bush visited. He left.") == ["George W. Bush visited.", "He left."]
    assert texts("J. A. Smith said so.") == ["J. A. Smith said so."]
