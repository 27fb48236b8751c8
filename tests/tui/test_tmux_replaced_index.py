"""The reader open in a real terminal while its index file is replaced by another process's
index (moved over it, or copied over it in place): the new index's story shows by itself,
without a key press or a restart, and no "failed" notification appears."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from tmux_driver import TmuxSession

from tests.robustness.test_replaced_index import index_in_child, write_article

pytestmark = [pytest.mark.tmux, pytest.mark.usefixtures("need_tmux")]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("how", ["moved", "copied"])
def test_reader_reads_an_index_replaced_under_it(tmp_path: Path, sessions: list[TmuxSession], how: str) -> None:
    # Two indexes built by one run over one article each: before new indexes started their
    # change counter at a random value, both read version 2 and the reader saw no change.
    write_article(tmp_path / "first", "a.txt", "Bay Courier", "Crane falls at Westhaven")
    write_article(tmp_path / "other", "c.txt", "Valley Post", "Bridge closed after flood in Norrick",
                  "The old bridge at Norrick was closed on Friday after the river rose two metres "
                  "overnight, and the county said inspectors would look at it next week.")
    db, other = tmp_path / "index.sqlite3", tmp_path / "b" / "index.sqlite3"
    index_in_child(db, tmp_path / "first")
    index_in_child(other, tmp_path / "other")
    reader = TmuxSession(f"{sys.executable} -m wiredesk --db {db}", ROOT, width=160, height=40,
                         env={"WIREDESK_HOME": str(tmp_path / "home")})
    sessions.append(reader)
    reader.wait_for(lambda t: "Crane falls at Westhaven" in t and "Bay Courier" in t, timeout=60)
    # The reader caches the open story's facts (then the open article's analysis) in the
    # index after its first paint, and keeps its connections open: a write-ahead log left
    # holding such a write would lay the old file's pages over the copy (see
    # Index._fold_log). Copy once the reader is done writing and its log is folded, so the
    # test covers that state every time rather than by the luck of timing; a copy racing a
    # write is unsafe for any SQLite file, and the README says so.
    _wait_for_cached_facts(db)
    _wait_until_settled(db)
    if how == "moved":
        os.replace(other, db)
    else:
        shutil.copyfile(other, db)
    screens: list[str] = []

    def shows_the_new_index(screen: str) -> bool:
        screens.append(screen)
        return "Valley Post" in screen and "Crane falls" not in screen

    reader.wait_for(shows_the_new_index, timeout=30)  # no key was pressed
    assert not any("failed" in s or "rror" in s for s in screens), screens[-1]
    reader.send("q")
    assert reader.wait_exit() == 0


def _log_empty(db: Path) -> bool:
    wal = db.with_name(db.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _wait_for_cached_facts(db: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            if conn.execute("SELECT count(*) FROM story_facts").fetchone()[0] and _log_empty(db):
                return  # cached, and folded out of the log (the reader's poll retries a fold
                # this very read may have kept from emptying it)
        except sqlite3.OperationalError:
            pass  # busy: try again
        finally:
            conn.close()
        time.sleep(0.05)
    raise AssertionError("the reader never cached the open story's facts")


def _wait_until_settled(db: Path, quiet: float = 1.5, timeout: float = 30.0) -> None:
    """Until the log has stayed empty for ``quiet`` seconds: the reader wrote its last cache
    and folded it (its poll, once a second, retries a fold a read kept from emptying)."""
    deadline = time.monotonic() + timeout
    empty_since: float | None = None
    while time.monotonic() < deadline:
        now = time.monotonic()
        if not _log_empty(db):
            empty_since = None
        elif empty_since is None:
            empty_since = now
        elif now - empty_since >= quiet:
            return
        time.sleep(0.05)
    raise AssertionError("the reader's write-ahead log never stayed empty")
