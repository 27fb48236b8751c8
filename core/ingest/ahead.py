"""Parse the next files in a background thread while the caller stores the current one.

Indexing a folder alternates two kinds of work: parsing a file (pure Python) and writing
it to SQLite (one transaction per file, mostly the full-text index flush at commit). The
sqlite3 module releases the GIL while SQLite runs a statement, so a thread that parses
file N+1 while file N is being written overlaps the two, and a bulk load takes
roughly as long as the slower of them instead of their sum.

Nothing about *what* is stored changes: the caller still stats the file, still decides
from the index whether it must be parsed, and only takes a parse made ahead when it was
made from a file with the same size and mtime it saw itself (otherwise it parses again).
The thread never touches the index; it reads files and a snapshot of their known states.
The queue is short (``depth`` files), so at most a few parsed files wait in memory.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..models import ParsedArticle
from ..safetext import file_name

_DONE = -1


class ParseAhead:
    """Parses ``paths`` (in order) in a daemon thread; ``take(i, ...)`` hands over the i-th.

    ``known`` maps a resolved path to its indexed ``(size, mtime_ns)``: files whose stat
    matches are left alone (the caller will find them unchanged and never ask). ``digest``
    (the index's content hash) is applied to each article in the thread too, so hashing
    the text is also off the writing thread.
    Use as a context manager, so the thread stops when the caller stops early.
    """

    def __init__(self, paths: Sequence[Path], known: Mapping[str, tuple[int, int]], max_bytes: int,
                 digest: Callable[[ParsedArticle], str], depth: int = 2) -> None:
        self._paths = paths
        self._digest = digest
        self._known = known
        self._max_bytes = max_bytes
        self._queue: queue.Queue[tuple[int, tuple[int, int] | None, Any, BaseException | None]] = \
            queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._pending: tuple[int, tuple[int, int] | None, Any, BaseException | None] | None = None
        self._finished = False
        self._thread = threading.Thread(target=self._run, name="wiredesk-parse-ahead", daemon=True)
        self._thread.start()

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _put(self, item: tuple[int, tuple[int, int] | None, Any, BaseException | None]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        from .pipeline import parse_file

        known, digest = self._known, self._digest
        try:
            for i, path in enumerate(self._paths):
                if self._stop.is_set():
                    return
                try:
                    st = os.stat(path)
                except OSError:
                    continue  # the caller reports it
                stamp = (st.st_size, st.st_mtime_ns)
                if known:
                    state = known.get(file_name(str(path)))
                    if state is None:
                        state = known.get(file_name(os.path.realpath(path)))
                    if state == stamp:
                        continue  # unchanged: the caller will not ask for it
                try:
                    parsed = parse_file(path, max_bytes=self._max_bytes)
                    item = (i, stamp, (parsed, [digest(a) for a in parsed]), None)
                except Exception as exc:  # handed to the caller, raised where it would have been
                    item = (i, stamp, None, exc)
                if not self._put(item):
                    return
        finally:
            self._put((_DONE, None, None, None))

    def take(self, index: int, size: int, mtime_ns: int) -> tuple[list[ParsedArticle], list[str]] | None:
        """The articles of ``paths[index]`` and their digests, made ahead from a file of this size and mtime, or
        None (not parsed ahead, or the file changed since): the caller then parses it itself.
        Raises what parsing raised, exactly as a direct ``parse_file`` call would have."""
        while not self._finished:
            item = self._pending
            if item is None:
                item = self._queue.get()
            self._pending = None
            got, stamp, parsed, error = item
            if got == _DONE:
                self._finished = True
                return None
            if got < index:
                continue  # parsed ahead, but the caller found it unchanged
            if got > index:
                self._pending = item  # the thread skipped this one: keep the later file for later
                return None
            if stamp != (size, mtime_ns):
                return None
            if error is not None:
                raise error
            return parsed
        return None

    def close(self) -> None:
        """Stop the thread and drop what it parsed (it may be blocked on a full queue)."""
        self._stop.set()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        # Bounded: a cancelled run must not wait out the parse of a huge file; the daemon
        # thread drops that parse and ends on its own.
        self._thread.join(timeout=1.0)
