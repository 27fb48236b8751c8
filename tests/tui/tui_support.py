"""Shared helpers for the reader's tests (a module of its own so its name cannot collide
with another folder's ``conftest``)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import UTC, datetime

FROZEN_NOW = datetime(2031, 3, 5, 12, 0, tzinfo=UTC)
"""The clock every UI test injects, so ages and snapshots never drift."""


async def settle(pilot, rounds: int = 4) -> None:
    """Wait for the reader's first paint, then for workers and the messages they post, a few
    times (workers start workers).

    The first paint's follow-up (marking the open article read, starting the index) runs
    after a screen refresh, which no worker wait covers: on a loaded machine a key pressed
    next could land before it, and a snapshot then showed the first article unread.
    """
    from textual.worker import WorkerCancelled, WorkerFailed  # only the tests need textual here
    from wiredesk.tui.screens.reader import ReaderScreen

    readers = [s for s in pilot.app.screen_stack if isinstance(s, ReaderScreen)]
    if readers:
        await wait_until(pilot, lambda: readers[0]._painted, "the reader's first paint")
    for _ in range(rounds):
        # A failed worker is reported by the app (a notification); tests assert on that.
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_until(pilot, condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after ``timeout`` s.

    For what arrives on the app's own clock (a timer's poll, a debounced search): a fixed
    pause is either too short on a loaded machine or wasted on an idle one. The deadline is
    generous because it is only reached when the condition never comes.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {timeout:.0f} s waiting for {what}"
        await pilot.pause(0.02)


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
