"""The triage queue: walk a story's open contested facts, outlet by outlet.

An *open* fact is a contested one without a verdict. One key moves to the next stop: the
next outlet of the current fact while it has more, else the first outlet of the next open
fact, wrapping round at the end (like newsboat's next-unread). The reader passes facts in
the order its panel shows them, so the walk follows what the editor sees.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..models import Fact


@dataclass(frozen=True)
class Stop:
    """Where the queue goes next: a fact, which of its outlets (0-based), and whether the
    walk went round past the last open fact to get there."""

    fact: str
    outlet: int
    wrapped: bool = False


def open_facts(facts: Sequence[Fact], decided: Collection[str]) -> list[Fact]:
    """Contested facts without a verdict, in the given order."""
    return [f for f in facts if f.status == "contested" and f.id not in decided]


def next_stop(
    order: Sequence[str], open_outlets: Mapping[str, int], current: tuple[str, int] | None,
) -> Stop | None:
    """The stop after ``current``: ``order`` is every fact id in panel order,
    ``open_outlets`` maps each open fact to its number of outlets, ``current`` is
    ``(fact id, outlet index)`` or None. From a fact that is not open (say it just got a
    verdict) the walk goes on to the next open fact after it. None when nothing is open."""
    walk = [f for f in order if open_outlets.get(f, 0) > 0]
    if not walk:
        return None
    if current is None or current[0] not in order:
        return Stop(walk[0], 0)
    fact, outlet = current
    if fact in walk and outlet + 1 < open_outlets[fact]:
        return Stop(fact, outlet + 1)
    position = order.index(fact)
    for later in order[position + 1:]:
        if later in open_outlets and open_outlets[later] > 0:
            return Stop(later, 0)
    return Stop(walk[0], 0, wrapped=True)
