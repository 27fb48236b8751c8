"""An index file replaced under an open connection is read again, without a restart.

Real processes and real files: another process builds an index, and it is moved over the
one a long-lived service (the reader's stand-in) or a running ``wiredesk watch`` has open,
or copied over it in place. The open side must show the new index's articles, never
"database disk image is malformed", and a watcher must write its arrivals into the file
that now sits at the path, not into the replaced one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from wiredesk.core.outlets import OutletAliases
from wiredesk.core.service import Wiredesk

from tests.test_watch import WatchProcess

STORY = ("Four dock workers were hurt on Tuesday when a crane gave way at the northern terminal "
         "of Westhaven harbour, and cargo handling stopped for the day, the harbour authority said.")


def write_article(folder: Path, name: str, outlet: str, title: str, body: str = STORY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"Outlet: {outlet}\n\n{title}\n\n{body}\n", encoding="utf-8")
    return path


def index_in_child(db: Path, folder: Path) -> None:
    """``wiredesk index`` in its own process, as a user would build the replacement."""
    result = subprocess.run([sys.executable, "-m", "wiredesk", "--db", str(db), "index", str(folder)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def titles(service: Wiredesk) -> set[str]:
    return {a.title for a in service.articles()}


def build_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Index A (two articles) and index B (one other article), each built by one run."""
    first, other = tmp_path / "first", tmp_path / "other"
    write_article(first, "a.txt", "Bay Courier", "Crane falls at Westhaven")
    write_article(first, "b.txt", "Harbor Times", "Crane collapses at Westhaven harbour")
    write_article(other, "c.txt", "Valley Post", "Bridge closed after flood in Norrick",
                  "The old bridge at Norrick was closed on Friday after the river rose two metres "
                  "overnight, and the county said inspectors would look at it next week.")
    a, b = tmp_path / "a" / "index.sqlite3", tmp_path / "b" / "index.sqlite3"
    index_in_child(a, first)
    index_in_child(b, other)
    return a, b


def test_two_indexes_built_alike_do_not_share_a_data_version(tmp_path: Path) -> None:
    """A poller compares versions: a replacement must never look like 'nothing changed'."""
    dbs = []
    for name, outlet in (("x", "Bay Courier"), ("y", "Harbor Times")):
        write_article(tmp_path / name, f"{name}.txt", outlet, f"Crane falls at Westhaven ({name})")
        dbs.append(tmp_path / f"{name}.sqlite3")
        index_in_child(dbs[-1], tmp_path / name)
    assert Wiredesk(dbs[0]).data_version() != Wiredesk(dbs[1]).data_version()


def test_index_moved_over_an_open_one_is_read(tmp_path: Path) -> None:
    a, b = build_pair(tmp_path)
    reader = Wiredesk(a, outlet_aliases=OutletAliases())
    before = reader.data_version()
    assert titles(reader) == {"Crane falls at Westhaven", "Crane collapses at Westhaven harbour"}
    os.replace(b, a)
    assert reader.data_version() != before
    assert titles(reader) == {"Bridge closed after flood in Norrick"}
    assert [s.label for s in reader.stories()] == ["Bridge closed after flood in Norrick"]


def test_index_copied_over_an_open_one_in_place_is_read(tmp_path: Path) -> None:
    """``cp other.sqlite3 index.sqlite3``: same file, new bytes; the old connection's cached
    pages no longer match the file (SQLite: 'database disk image is malformed')."""
    a, b = build_pair(tmp_path)
    reader = Wiredesk(a, outlet_aliases=OutletAliases())
    before = reader.data_version()
    assert len(titles(reader)) == 2
    shutil.copyfile(b, a)
    assert reader.data_version() != before
    assert titles(reader) == {"Bridge closed after flood in Norrick"}


def test_index_copied_in_place_after_the_reader_cached_facts_is_read(tmp_path: Path) -> None:
    """The reader writes its facts cache into the write-ahead log and keeps its connections
    open; a log left behind would lay the old file's pages over the copy for every new
    connection, so the reader would go on showing the old index."""
    a, b = build_pair(tmp_path)
    reader = Wiredesk(a, outlet_aliases=OutletAliases())
    other_thread = Wiredesk(a, outlet_aliases=OutletAliases())
    before = other_thread.data_version()  # a second open connection, as the reader's poll keeps
    reader.facts(reader.stories()[0].id)  # cached in the index, as the reader does on screen
    wal = a.with_name(a.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing of the old file left in the log
    shutil.copyfile(b, a)
    fresh = Wiredesk(a, outlet_aliases=OutletAliases())
    assert fresh.data_version() != before
    assert titles(fresh) == {"Bridge closed after flood in Norrick"}


def test_a_log_a_reader_kept_from_emptying_is_folded_on_the_next_poll(tmp_path: Path) -> None:
    """Another process reading at the moment of the cache write keeps the log from emptying
    (a flake of the tmux test: its own polling read did it); the reader's next poll folds it,
    so a copy made a moment later is read whole."""
    import sqlite3

    a, b = build_pair(tmp_path)
    reader = Wiredesk(a, outlet_aliases=OutletAliases())
    poll = Wiredesk(a, outlet_aliases=OutletAliases())  # the reader's poll: another connection
    before = poll.data_version()
    wal = a.with_name(a.name + "-wal")
    other = sqlite3.connect(a)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM articles").fetchone()  # holds a read snapshot
    reader.facts(reader.stories()[0].id)  # written into the log, which cannot be emptied now
    assert wal.stat().st_size > 0
    other.rollback()
    other.close()
    poll.data_version()  # the next poll
    assert wal.stat().st_size == 0
    shutil.copyfile(b, a)
    fresh = Wiredesk(a, outlet_aliases=OutletAliases())
    assert fresh.data_version() != before
    assert titles(fresh) == {"Bridge closed after flood in Norrick"}


def test_index_overwritten_with_junk_under_an_open_one_is_rebuilt(tmp_path: Path) -> None:
    a, _ = build_pair(tmp_path)
    reader = Wiredesk(a, outlet_aliases=OutletAliases())
    assert len(titles(reader)) == 2
    a.write_bytes(os.urandom(64 * 1024))
    reader.data_version()  # the poll notices; the damaged file is moved aside and rebuilt
    assert len(titles(reader)) == 2
    assert reader.recovered and "damaged" in reader.recovered
    assert list(a.parent.glob("index.sqlite3.corrupt-*")), "the damaged file is kept aside"


def test_running_watcher_writes_into_the_index_that_replaced_its_own(tmp_path: Path) -> None:
    a, b = build_pair(tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watch = WatchProcess(a, str(inbox), "--fetch-minutes", "0")
    try:
        watch.expect("watching")
        os.replace(b, a)
        write_article(inbox, "d.txt", "Quay Herald", "Ferry runs aground off Westhaven",
                      "A ferry with forty passengers ran aground off Westhaven on Sunday; nobody "
                      "was hurt and the coastguard towed it free at high tide, the operator said.")
        watch.expect("added d.txt")
    finally:
        watch.stop()
    assert titles(Wiredesk(a, outlet_aliases=OutletAliases())) == {
        "Bridge closed after flood in Norrick", "Ferry runs aground off Westhaven"}
