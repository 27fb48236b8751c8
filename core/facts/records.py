"""The record a story is measured against: "the deadliest since a 1987 cyclone".

Outlets often rank the event against an earlier one, and they copy the year from one
another or from memory: one writes "since a 1987 cyclone", another "since a 1988 cyclone".
The year of that earlier event is a checkable fact of its own. This module reads each
outlet's first "<superlative> … since <year>" and lines them up by superlative.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .observe import Sentence

RECORD_RE = re.compile(
    r"\b(?P<sup>deadliest|worst|biggest|largest|strongest|most\s+(?:powerful|destructive|devastating|"
    r"serious|severe))\b[^.;:!?]{0,80}?\bsince\s+(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}?"
    r"(?P<year>1[6-9]\d\d|20\d\d)\b(?![-/.]\d)",
    re.IGNORECASE,
)
"""A superlative measured against a dated earlier event ("the deadliest natural disaster since
a 1987 cyclone", "the worst floods since 1998")."""


@dataclass
class Record:
    """One outlet's "<superlative> since <year>"; offsets relative to the sentence."""

    sent: Sentence
    start: int
    end: int
    superlative: str
    year: int
    written: str


def record_slots(sentences: list[Sentence]) -> list[tuple[str, list[Record]]]:
    """(superlative, each outlet's first record of it) where two or more independent
    outlets state one."""
    firsts: dict[str, dict[str, Record]] = defaultdict(dict)
    for sent in sorted(sentences, key=lambda s: (s.article, s.index)):
        for m in RECORD_RE.finditer(sent.text):
            sup = " ".join(m.group("sup").lower().split())
            rec = Record(sent, m.start(), m.end(), sup, int(m.group("year")), m.group(0))
            firsts[sup].setdefault(sent.article, rec)
    out = []
    for sup, by_art in sorted(firsts.items()):
        recs = sorted(by_art.values(), key=lambda r: (r.sent.article, r.start))
        if len({r.sent.root for r in recs}) >= 2:
            out.append((sup, recs))
    return out
