"""Opening the index when it is damaged or gone: move it aside, start fresh, rebuild.

The index is derived data: everything in it can be read again from the source files. The
triage file (read/star/dismiss, notes) is not derived, so it lives in its own file and a
recovery never touches it. It also records which files and folders were indexed, which is
what makes a rebuild possible when the index itself cannot be read.

A damaged file is never deleted: it is renamed ``<name>.corrupt-<UTC timestamp>`` (with
its ``-wal``/``-shm`` companions, which would otherwise be replayed into the fresh file) so
a user can still inspect it. A lock file serializes recovery between processes: the app
and an indexer that both trip over the same damage must not both move files around.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from .. import safetext
from . import ownership
from .index import Index, IndexCorrupt
from .triage import TriageUnavailable

_COMPANIONS = ("-wal", "-shm", "-journal")


class _Rebuilder(Protocol):
    """What recovery needs from the service (kept structural to avoid an import cycle)."""

    db_path: Path

    def index(self, inputs: Any) -> Any: ...

    @property
    def triage_db(self) -> Any: ...

    @property
    def index_db(self) -> Index: ...


@dataclass
class Recovery:
    """What happened while opening the index; ``message`` is the one line to show."""

    reason: str
    """``corrupt`` (the file was damaged), ``missing`` (new/empty but sources recorded) or
    ``resume`` (a rebuild was interrupted, e.g. killed, and is finished now)."""
    detail: str = ""
    moved_to: Path | None = None
    sources: list[str] = field(default_factory=list)
    articles: int = 0
    failed: list[str] = field(default_factory=list)
    message: str = ""


def quarantine(path: Path) -> Path:
    """Rename a damaged index (and its WAL/SHM files) aside; return the new main-file path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    dest = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    if path.exists():
        os.replace(path, dest)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, dest.with_name(dest.name + suffix))
    return dest


def pending_marker(path: Path) -> Path:
    """Exists while a rebuild is under way: a rebuild killed half-way is resumed on next open.

    Without it, an interrupted rebuild would leave a sound but partial index that nothing
    would ever complete.
    """
    return path.with_name(path.name + ".rebuilding")


@contextlib.contextmanager
def recovery_lock(path: Path) -> Iterator[None]:
    """Hold ``<index>.lock`` exclusively (blocking) while files are moved; no-op without fcntl."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: best effort, no cross-process lock
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def open_index(path: Path) -> tuple[Index, Recovery | None]:
    """Open the index at ``path``, replacing it with a fresh one if it is damaged.

    Returns the open index and, when something had to be done, a :class:`Recovery` whose
    rebuild is still to run (see :func:`rebuild`). A brand-new index also comes back with
    a ``missing`` recovery; :func:`rebuild` turns it into a no-op when no sources were
    ever recorded (a first run). ``SchemaTooNew`` and ``IndexUnavailable`` propagate: a
    newer or unreadable file is not damaged and must be left alone.
    """
    ownership.check_ours(path)  # never open, migrate or move a file that is not an index
    try:
        db = Index(path)
    except IndexCorrupt as exc:
        with recovery_lock(path):
            try:
                # Another process may have moved it aside while we waited for the lock.
                return Index(path), None
            except IndexCorrupt:
                moved = quarantine(path)
            pending_marker(path).write_text(str(moved), encoding="utf-8")
            db = Index(path)
        return db, Recovery("corrupt", detail=str(exc.__cause__ or exc), moved_to=moved)
    if pending_marker(path).exists():
        return db, Recovery("resume")
    if db.created:
        return db, Recovery("missing")
    return db, None


def rebuild(service: _Rebuilder, recovery: Recovery) -> Recovery | None:
    """Re-index the recorded sources into the (fresh) index; fill in ``recovery.message``.

    Returns None when there was nothing to report (a new index and no recorded sources:
    the ordinary first run).
    """
    try:
        recovery.sources = list(service.triage_db.sources())
    except TriageUnavailable as exc:  # the index still opens; the triage problem surfaces elsewhere
        recovery.failed.append(str(exc))
    if recovery.reason == "missing" and not recovery.sources:
        return None
    marker = pending_marker(Path(service.db_path))
    marker.touch()
    on_disk = [safetext.on_disk(s) for s in recovery.sources]  # recorded with \xNN escapes
    report = service.index(on_disk) if on_disk else None
    marker.unlink(missing_ok=True)  # only once the whole rebuild is committed
    if report is not None:
        recovery.articles = service.index_db.count()  # what the index now holds (resume: all of it)
        recovery.failed += [f"{e.source}: {e.reason}" for e in report.errors]
    recovery.message = describe(recovery)
    return recovery


def describe(recovery: Recovery) -> str:
    """The one line the CLI prints and the app shows as a notification."""
    if recovery.reason == "corrupt":
        head = f"the index was damaged ({recovery.detail}); moved it to {recovery.moved_to}"
    elif recovery.reason == "resume":
        head = "an interrupted rebuild of the index was resumed"
    else:
        head = "the index was missing or empty"
    if recovery.sources:
        body = (
            f"rebuilt {recovery.articles} article(s) from {len(recovery.sources)} recorded source(s)"
        )
    else:
        body = "started a new empty index (no recorded sources to rebuild from)"
    tail = "; triage state kept"
    if recovery.failed:
        tail += f"; {len(recovery.failed)} source(s) could not be read ({recovery.failed[0]})"
    return f"{head}; {body}{tail}"
