"""Who said a quotation: outlets quoting the same words give them to different people.

In the first hours of a story the same line is often passed around with the wrong name on
it: one outlet has the mayor saying "We are doing everything we can to contain the leak",
another the fire chief. The words are the same, so the statement is one; the speakers are
two people, so one outlet is wrong, and an editor must see it.

The rule is narrow. A quotation counts only when it is long enough to be distinctive
(``MIN_WORDS`` words) and the claim engine resolved its speaker to a person's name (two
words or more: "officials" or "he" are no one to compare). Two outlets' quotations are one
statement when their words match almost exactly (``SAME_QUOTE``), or one quotes a stretch
of the other. Speakers who share a surname, or whose surnames are one name spelt two ways,
are one person; anything else is a contest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import partial_ratio, ratio

from .names import fold
from .observe import Sentence
from .spellings import variant

MIN_WORDS = 8
"""Words a quotation needs to be told apart from a stock phrase ("we are praying for them")."""
SAME_QUOTE = 92.0
"""Similarity (0-100) of two folded quotations that are one statement; a quoted stretch of a
longer quotation is compared against its best-matching part."""
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass
class Quoted:
    """One outlet's quotation and the person it gives it to; offsets relative to ``sent``."""

    sent: Sentence
    start: int
    end: int
    speaker: str
    surname: str
    words: str


def quotations(sentences: dict[str, list[Sentence]], analyses: dict[str, Any]) -> list[Quoted]:
    """Every long quotation with a named speaker, in each article's reading order."""
    out: list[Quoted] = []
    for art_id, sents in sentences.items():
        analysis = analyses.get(art_id)
        for claim in getattr(analysis, "claims", None) or []:
            for m in claim.mentions or []:
                if m.kind != "quote":
                    continue
                quoted = _quoted(m, sents)
                if quoted is not None:
                    out.append(quoted)
    return out


def _quoted(mention: Any, sents: list[Sentence]) -> Quoted | None:
    norm = mention.normalized or {}
    speaker = str(norm.get("speaker") or "").strip()
    names = speaker.split()
    if len(names) < 2 or not all(n[:1].isupper() for n in names[-2:]):
        return None  # "officials", "he", a lone first name: no one to compare
    words = " ".join(_WORDS.findall(fold(str(norm.get("text") or ""))))
    if len(words.split()) < MIN_WORDS:
        return None
    sent = next((s for s in sents if s.start <= mention.start < s.end), None)
    if sent is None:
        return None
    at = sent.text.find(speaker)
    start, end = (at, at + len(speaker)) if at >= 0 else (mention.start - sent.start, mention.end - sent.start)
    return Quoted(sent, start, min(end, len(sent.text)), speaker, fold(names[-1]), words)


def same_statement(a: Quoted, b: Quoted) -> bool:
    """Whether two quotations are one statement: nearly the same words, or one quoting a
    stretch of the other."""
    if ratio(a.words, b.words) >= SAME_QUOTE:
        return True
    short, long_ = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return partial_ratio(short, long_) >= SAME_QUOTE


RUN = 4
"""Words in a row two quotations of one statement share at the least (they share far more):
only quotations sharing one are compared, so a story's quotations are not all paired."""


def _runs(words: str) -> set[tuple[str, ...]]:
    w = words.split()
    return {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


def one_person(a: Quoted, b: Quoted) -> bool:
    """Same surname, or one surname spelt two ways ("Fenwick" / "Fennwick")."""
    return a.surname == b.surname or variant(a.surname, b.surname)


def speaker_slots(quotes: list[Quoted]) -> list[tuple[str, list[Quoted]]]:
    """Statements quoted by two or more independent outlets that give them to different
    people: a label and each outlet's first quotation of the statement."""
    groups: list[list[Quoted]] = []
    runs: list[set[tuple[str, ...]]] = []  # each group's first quotation, as runs of words
    for q in quotes:
        mine = _runs(q.words)
        home = next((g for g, r in zip(groups, runs, strict=True) if r & mine and same_statement(g[0], q)), None)
        if home is None:
            groups.append([q])
            runs.append(mine)
        elif all(x.sent.article != q.sent.article for x in home):
            home.append(q)
    out = []
    for group in groups:
        if len({q.sent.root for q in group}) < 2:
            continue
        if any(not one_person(a, b) for a in group for b in group if a.sent.root != b.sent.root):
            head = " ".join(group[0].words.split()[:6])
            out.append((f"who said \u201c{head}\u2026\u201d", group))
    return out

