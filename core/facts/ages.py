"""A person's age as each outlet gives it: "Ana Ruiz, 40," against "41-year-old Ana Ruiz".

Ages are written next to names in a handful of fixed shapes, and outlets that agree on the
name often disagree on the age (one copies an older report, one miscounts): a checkable
fact an editor wants lined up. Each outlet's age for a person is the first one written in
one of these shapes at a mention of that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .observe import Sentence
from .people import PersonSlot

_AFTER = re.compile(r",\s*(?:aged\s+)?(\d{1,3})\s*(?:,|\)|;|\.|$| and\b| who\b| of\b| from\b)")
""""Ana Ruiz, 40, said ...", "Ana Ruiz, aged 40"."""
_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,3}$")
""""the 40-year-old Ana Ruiz", "a 40-year-old nurse, Ana Ruiz" (only right before the name)."""
MIN_AGE, MAX_AGE = 1, 120


@dataclass
class Aged:
    """One outlet's age for a person: the figure and where it is written."""

    slot: PersonSlot
    sent: Sentence
    start: int
    end: int
    age: int


def age_at(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end, age) of an age written right after or right before a name at
    ``text[start:end]``, or None."""
    m = _AFTER.match(text, end)
    if m is not None:
        age = int(m.group(1))
        return (m.start(1), m.end(1), age) if MIN_AGE <= age <= MAX_AGE else None
    b = _BEFORE.search(text, max(0, start - 50), start)
    if b is not None:
        age = int(b.group(1))
        return (b.start(1), b.end(1), age) if MIN_AGE <= age <= MAX_AGE else None
    return None


def age_slots(slots: list[PersonSlot]) -> list[tuple[PersonSlot, list[Aged]]]:
    """For each person named by two or more independent outlets, each outlet's first age."""
    out = []
    for slot in slots:
        if len({e.root for e in slot.entities}) < 2:
            continue
        aged: list[Aged] = []
        for ent in slot.entities:
            for m in sorted(ent.names + ent.refs, key=lambda m: (m.sent.index, m.name.start)):
                found = age_at(m.sent.text, m.name.start, m.name.end)
                if found is not None:
                    aged.append(Aged(slot, m.sent, found[0], found[1], found[2]))
                    break
        if len({a.sent.root for a in aged}) >= 2:
            out.append((slot, aged))
    return out
