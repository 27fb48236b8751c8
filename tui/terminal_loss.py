"""Leave when the terminal goes away, instead of hanging on it.

Textual writes the screen through a writer thread fed by a queue of 30 writes. When the
terminal disappears under the reader (an SSH connection drops, a tmux session is killed),
the thread's write fails, the exception ends the thread, and nothing empties the queue any
more: the event loop's 31st write blocks forever on ``queue.put``. A blocked loop never runs
the SIGHUP/SIGTERM handlers either, so the reader stayed alive, asleep on a lock, until
``kill -9`` (found as readers orphaned by the start-up benchmark's tmux sessions, hours on).

``SafeWriterThread`` keeps draining the queue after a failed write, drops what it reads, and
says the terminal was lost once; the reader then leaves through its SIGHUP path, as it would
had the hang-up arrived first. ``safe_driver`` gives a Linux driver class that uses it.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import IO, Any

from textual.drivers._writer_thread import WriterThread


def hang_up() -> None:
    """What a lost terminal means to the reader: a hang-up (its handler leaves cleanly)."""
    os.kill(os.getpid(), signal.SIGHUP)


class SafeWriterThread(WriterThread):
    """Textual's writer thread, which survives its terminal: after a write fails it drains
    (and drops) the queue until told to stop, so writers never block, and calls ``on_lost``
    once."""

    def __init__(self, file: IO[str], on_lost: Callable[[], None] = hang_up) -> None:
        super().__init__(file)
        self._on_lost = on_lost
        self.lost = False

    def run(self) -> None:
        try:
            super().run()
        except (OSError, ValueError):  # EIO on a closed pty; writing to a closed file
            self.lost = True
            self._on_lost()
            while self._queue.get() is not None:
                pass


def safe_driver(base: type[Any]) -> type[Any]:
    """A subclass of the Linux driver ``base`` whose screen writes go through a
    ``SafeWriterThread``."""

    class SafeDriver(base):  # type: ignore[misc, valid-type]
        def start_application_mode(self) -> None:
            super().start_application_mode()
            plain = self._writer_thread
            if plain is not None:
                plain.stop()  # what it holds (entering the alternate screen) is written first
            safe = SafeWriterThread(self._file)
            safe.start()
            self._writer_thread = safe

    SafeDriver.__name__ = SafeDriver.__qualname__ = f"Safe{base.__name__}"
    return SafeDriver
