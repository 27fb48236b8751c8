"""Noticing that the index file was replaced under an open connection.

An open SQLite connection keeps reading the file it opened: after ``mv other.sqlite3
index.sqlite3``, a rebuild by another process (which moves the damaged file aside) or a
delete and re-index, a long-lived connection (the ``watch`` thread, a reader's worker)
would go on reading, and writing, a file nobody looks at any more; after an overwrite in
place it reads pages of two files and fails with "database disk image is malformed". The
service compares the file's identity with the one its connection opened and opens the file
again when they differ (and on a read that fails as damaged), so nothing needs a restart.

A replaced index must also read as changed to anyone polling ``data_version``: two indexes
built the same way carry the same counter. A new index therefore starts its counter at a
random value, so the counters of two different files practically never meet.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

FileIdentity = tuple[int, int, int, int]
"""``(st_dev, st_ino, st_size, st_ctime_ns)``: which file a path names right now, and when
its bytes last changed. A copy in place keeps the inode but not the change time (which no
tool can set back, unlike the modification time). In WAL mode the main file is written
only by checkpoints, so a checkpoint moves it too: that costs one needless reopen between
two reads, never a wrong read.
"""

VERSION_BASE_BITS = 40
"""A new index's first ``version`` is drawn below 2**40: far from any count of writes, and
still a small integer for SQLite and JSON."""


def file_identity(path: Path) -> FileIdentity | None:
    """The identity of the file at ``path``, or None when there is none (deleted, moved)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_ctime_ns)


def fresh_version_base() -> int:
    """The first data version of a new index (see the module docstring)."""
    return secrets.randbelow(1 << VERSION_BASE_BITS) + 1
