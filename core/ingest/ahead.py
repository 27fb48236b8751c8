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

A thread only overlaps parsing with SQLite's own work, and the writing thread's Python
(building rows, savepoints) waits for the GIL the parser holds: measured on 3,000 files,
the thread saved nothing. So when the process may fork (Linux, no other thread running)
and there are at least ``PROCESS_MIN`` files, the parsing runs in one forked worker
process instead (``_ParseProcess``), a window of ``WINDOW`` files ahead, and its results
come back pickled. What the caller gets is the same.
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
PROCESS_MIN = 200
"""Fewer files than this are parsed ahead on a thread (a worker costs ~10 ms to fork)."""
WINDOW = 64
"""Files the worker process may parse ahead of the one being stored."""
CHUNK = 8
"""Files per task sent to the worker (one pickled round trip each)."""

_job: tuple[Sequence[Path], Mapping[str, tuple[int, int]], int, Callable[[ParsedArticle], str]] | None = None
"""What the worker process parses: set before it forks, so it inherits it."""


def _parse_one(
    i: int, path: Path, known: Mapping[str, tuple[int, int]], max_bytes: int, digest: Callable[[ParsedArticle], str],
) -> tuple[int, tuple[int, int] | None, Any, BaseException | None] | None:
    """Stat and parse one file: ``(i, stamp, (articles, digests), error)``, or None when the
    file is unchanged since it was indexed or cannot be stat'ed (the caller reports it)."""
    from .pipeline import parse_file

    try:
        st = os.stat(path)
    except OSError:
        return None
    stamp = (st.st_size, st.st_mtime_ns)
    if known:
        state = known.get(file_name(str(path)))
        if state is None:
            state = known.get(file_name(os.path.realpath(path)))
        if state == stamp:
            return None  # unchanged: the caller will not ask for it
    try:
        parsed = parse_file(path, max_bytes=max_bytes)
        return (i, stamp, (parsed, [digest(a) for a in parsed]), None)
    except Exception as exc:  # handed to the caller, raised where it would have been
        return (i, stamp, None, exc)


def _parse_span(span: tuple[int, int]) -> list[tuple[int, tuple[int, int] | None, Any, BaseException | None]]:
    """In the worker process: ``_parse_one`` of the files ``paths[start:end]``."""
    import pickle

    assert _job is not None
    paths, known, max_bytes, digest = _job
    out = []
    for i in range(*span):
        item = _parse_one(i, paths[i], known, max_bytes, digest)
        if item is None:
            continue
        if item[3] is not None:
            try:
                pickle.dumps(item[3])
            except Exception:  # an error that cannot travel: its type and message do
                item = (item[0], item[1], None, RuntimeError(f"{type(item[3]).__name__}: {item[3]}"))
        out.append(item)
    return out


def can_fork() -> bool:
    """Whether a worker process may be forked here: Linux, and no other thread running
    (a fork copies locks other threads may hold)."""
    import sys
    from multiprocessing import get_all_start_methods

    return sys.platform == "linux" and "fork" in get_all_start_methods() and threading.active_count() == 1


class _ParseProcess:
    """``_parse_span`` of consecutive spans on one forked worker, at most ``WINDOW`` files
    ahead; ``next()`` gives the parsed files in order."""

    def __init__(self, paths: Sequence[Path], known: Mapping[str, tuple[int, int]], max_bytes: int,
                 digest: Callable[[ParsedArticle], str]) -> None:
        from collections import deque
        from multiprocessing import get_context

        global _job
        _job = (paths, known, max_bytes, digest)
        try:
            self._pool = get_context("fork").Pool(1)
        finally:
            _job = None  # the worker has its copy
        self._spans = iter([(start, min(start + CHUNK, len(paths))) for start in range(0, len(paths), CHUNK)])
        self._waiting: deque[Any] = deque()
        self._ready: deque[tuple[int, tuple[int, int] | None, Any, BaseException | None]] = deque()
        for _ in range(max(1, WINDOW // CHUNK)):
            self._submit()

    def _submit(self) -> None:
        span = next(self._spans, None)
        if span is not None:
            self._waiting.append(self._pool.apply_async(_parse_span, (span,)))

    def next(self) -> tuple[int, tuple[int, int] | None, Any, BaseException | None]:
        while not self._ready:
            if not self._waiting:
                return (_DONE, None, None, None)
            self._ready.extend(self._waiting.popleft().get())
            self._submit()
        return self._ready.popleft()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


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
        self._process: _ParseProcess | None = None
        self._thread: threading.Thread | None = None
        if len(paths) >= PROCESS_MIN and can_fork():
            self._process = _ParseProcess(paths, known, max_bytes, digest)
        else:
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
        try:
            for i, path in enumerate(self._paths):
                if self._stop.is_set():
                    return
                item = _parse_one(i, path, self._known, self._max_bytes, self._digest)
                if item is not None and not self._put(item):
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
                item = self._process.next() if self._process is not None else self._queue.get()
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
        """Stop the thread (or the worker process) and drop what it parsed (it may be
        blocked on a full queue)."""
        if self._process is not None:
            self._process.close()
            return
        self._stop.set()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        # Bounded: a cancelled run must not wait out the parse of a huge file; the daemon
        # thread drops that parse and ends on its own.
        if self._thread is not None:
            self._thread.join(timeout=1.0)
