"""Is this file a wiredesk index? Decided before anything opens, writes or moves it.

``--db PATH`` can name any file. Recovery moves a damaged index aside and starts afresh,
and opening runs migrations that add tables: both are right for wiredesk's own index and
wrong for the user's ``notes.txt`` or another program's SQLite database. So, before the
index is opened:

- a missing or empty path is fine (a new index);
- an SQLite file (its 16-byte header) is ours when its header carries wiredesk's
  application id, or its schema holds wiredesk's tables (indexes from before the id), or it
  has no tables at all; a readable SQLite file with other tables is refused; an unreadable
  one is only treated as a damaged index when something else says it is ours;
- any other content is a damaged index only when something says it was ours: the triage
  file beside it, a recovery lock or marker, or the ``.sqlite3`` name wiredesk gives its
  indexes. Otherwise it is refused, byte for byte untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import IndexUnavailable
from .schema import APPLICATION_ID, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"
_OUR_TABLES = {"articles", "files", "stories"}


class NotAnIndex(IndexUnavailable):
    """The path holds something that is not a wiredesk index; it was left untouched."""


def check_ours(path: Path) -> None:
    """Raise :class:`NotAnIndex` unless ``path`` may be opened (and repaired) as an index."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return
    except IsADirectoryError as exc:
        raise NotAnIndex(f"{path}: is a folder, not an index file; pass a file path to --db") from exc
    except OSError:
        return  # unreadable: opening it reports the real problem (IndexUnavailable)
    if not head:
        return
    if head.startswith(_SQLITE_MAGIC):
        _check_sqlite(path, head)
        return
    if not _claimed(path):
        raise NotAnIndex(
            f"{path}: is not a wiredesk index (not an SQLite file); it was left untouched "
            "(pass another --db)"
        )


def _claimed(path: Path) -> bool:
    """Something besides the content says wiredesk made this file."""
    from .triage import triage_path_for

    companions = (triage_path_for(path), path.with_name(path.name + ".lock"),
                  path.with_name(path.name + ".rebuilding"))
    return path.suffix == ".sqlite3" or any(c.exists() for c in companions)


def _check_sqlite(path: Path, head: bytes) -> None:
    if len(head) >= 72 and int.from_bytes(head[68:72], "big") == APPLICATION_ID:
        return
    if len(head) >= 64 and int.from_bytes(head[60:64], "big") > SCHEMA_VERSION:
        return  # a newer wiredesk's index (or looks like one): opening refuses it untouched
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _claimed(path):
            return  # a damaged index: recovery moves it aside
        raise NotAnIndex(
            f"{path}: is an unreadable SQLite file not known as a wiredesk index; it was left "
            "untouched (pass another --db)"
        ) from exc
    if not names or names >= _OUR_TABLES:
        return
    shown = ", ".join(sorted(names)[:4]) + (", …" if len(names) > 4 else "")
    raise NotAnIndex(
        f"{path}: is another program's SQLite database (tables: {shown}); wiredesk will not "
        "change it (pass another --db)"
    )
