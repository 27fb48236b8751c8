"""Shared helpers for the reader's tests (a module of its own so its name cannot collide
with another folder's ``conftest``)."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

FROZEN_NOW = datetime(2031, 3, 5, 12, 0, tzinfo=UTC)
"""The clock every UI test injects, so ages and snapshots never drift."""


async def settle(pilot, rounds: int = 4) -> None:
    """Wait for workers and the messages they post, a few times (workers start workers)."""
    from textual.worker import WorkerCancelled, WorkerFailed  # only the tests need textual here

    for _ in range(rounds):
        # A failed worker is reported by the app (a notification); tests assert on that.
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def note_catcher() -> type:
    """A ``WiredeskApp`` that records its notifications, so tests can count them (imported
    late: this module is also used by tests that never start the app)."""
    from wiredesk.tui.app import WiredeskApp

    class NoteCatcher(WiredeskApp):
        def __init__(self, *args, **kwargs) -> None:
            self.notes: list[str] = []
            super().__init__(*args, **kwargs)

        def notify(self, message: str, **kwargs) -> None:
            self.notes.append(message)
            super().notify(message, **kwargs)

    return NoteCatcher
