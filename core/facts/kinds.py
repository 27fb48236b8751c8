"""The fact kinds read from whole sentences, one registration each.

Each kind lives in a module of its own that finds, per story, its slots: a label and each
outlet's phrase for it (an object with ``sent``, ``start`` and ``end``). The registration
says how a phrase reads as a value, what is stored as its normalized form, and when two
values cannot both hold. ``story.compare_story`` turns every slot into one fact with
``phrased.phrase_fact``. Adding a kind is one module plus one entry in ``PHRASE_KINDS``.

(Counts, dates and times are aligned by context in ``align``/``leads``; person names,
titles and ages hang off the person engine; spellings and attributions build their own
facts. Those are not registered here.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .bearings import bearing_slots
from .bearings import compatible as bearing_compatible
from .called import naming_conflict, naming_slots
from .custody import custody_conflict, custody_slot
from .observe import Sentence
from .origins import origin_slots
from .records import record_slots
from .survivors import survival_slot

Slots = Callable[[list[Sentence]], list[tuple[str, list[Any]]]]
"""A story's sentences → (label, each outlet's phrase) per slot."""


@dataclass(frozen=True)
class PhraseKind:
    """One kind of fact read from sentences."""

    kind: str
    """The fact's ``kind`` in the output (``direction``, ``date``, ``name``, ``status``)."""
    slots: Slots
    value: Callable[[Any], Any]
    """The value a phrase gives (one value row per distinct value)."""
    normalized: Callable[[Any], dict[str, Any]]
    clash: Callable[[Any, Any], bool]
    """Two phrases that cannot both be true."""
    contested_only: bool = False
    """Report the slot only when contested (an agreed one says nothing the article does not)."""
    stage: Callable[[Any], int] | None = None
    """For a status that moves one way over time (at large, then caught or dead): its step.
    Values that clash but were published in the order of their steps are an ``update``."""


def _labelled(label: str, find: Callable[[list[Sentence]], list[Any]]) -> Slots:
    """A kind with one slot per story under a fixed label."""
    def slots(sentences: list[Sentence]) -> list[tuple[str, list[Any]]]:
        items = find(sentences)
        return [(label, items)] if items else []
    return slots


PHRASE_KINDS: tuple[PhraseKind, ...] = (
    PhraseKind("direction", lambda every: [(f"direction from {place}", list(b)) for place, b in bearing_slots(every)],
               lambda b: b.direction, lambda b: {"direction": b.direction, "from": b.place},
               lambda a, b: not bearing_compatible(a.direction, b.direction)),
    PhraseKind("date", lambda every: [(f"{sup} since (year of the earlier event)", list(r))
                                      for sup, r in record_slots(every)],
               lambda r: r.year, lambda r: {"year": r.year}, lambda a, b: a.year != b.year),
    PhraseKind("date", origin_slots, lambda o: o.year, lambda o: {"year": o.year, "event": o.event},
               lambda a, b: a.year != b.year),
    PhraseKind("name", lambda every: [(f"name of the {noun}", list(n)) for noun, n in naming_slots(every)],
               lambda n: n.name, lambda n: {"name": n.name}, naming_conflict, contested_only=True),
    PhraseKind("status", _labelled("whether anyone aboard survived", survival_slot),
               lambda s: s.survived, lambda s: {"survived": s.survived}, lambda a, b: a.survived != b.survived),
    PhraseKind("status", _labelled("status of the suspect", custody_slot),
               lambda c: c.status, lambda c: {"status": c.status}, custody_conflict,
               stage=lambda c: 0 if c.status == "at large" else 1),
)
"""Every registered kind, in the order its facts are built."""
