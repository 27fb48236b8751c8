"""Triage marks the reader has written but a library load in flight may not have read.

Marks are written on worker threads and library loads read them on others, so a load that
read the marks just before "read", "star" or "dismiss" was written can arrive just after the
change was shown, and would put the old mark back (the open article listed unread again).
Each change shown gets a sequence number; a load notes the number current when it starts
reading and, when it arrives, the changes shown after that win over what it read.
"""

from __future__ import annotations

from ..core.store.triage import TriageState

KEEP = 10_000
"""Changes remembered at most (the oldest go first)."""


class RecentMarks:
    """The triage changes shown since the library loads now in flight began."""

    def __init__(self) -> None:
        self._seq = 0
        self._changed: dict[str, tuple[int, TriageState]] = {}

    def shown(self, article: str, state: TriageState) -> None:
        """``state`` was written and shown for ``article``."""
        self._seq += 1
        self._changed[article] = (self._seq, state)

    def mark(self) -> int:
        """The number a library load notes before it reads the marks (read on its thread:
        an int read is atomic, and a change counted after the read is overlaid)."""
        return self._seq

    def overlay(self, triage: dict[str, TriageState], since: int) -> dict[str, TriageState]:
        """``triage`` as read by a load that noted ``since``, with the changes shown after it.

        Changes a load did read are kept, not forgotten: loads can arrive out of order (a
        paged load and a full one in flight together), and one that began earlier may still
        arrive after a later one. One entry per article marked in a session stays small;
        ``KEEP`` bounds it all the same."""
        merged = dict(triage)
        for article, (seq, state) in self._changed.items():
            if seq > since:
                merged[article] = state
        if len(self._changed) > KEEP:
            for article in sorted(self._changed, key=lambda a: self._changed[a][0])[:len(self._changed) - KEEP]:
                del self._changed[article]
        return merged
