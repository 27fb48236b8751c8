"""Bulk indexing commits files a few dozen at a time; each file still lands whole or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from wiredesk.core.store.schema import Batch, transaction


def _db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t(x INTEGER)")
    return conn


def _count(path: Path) -> int:
    other = sqlite3.connect(path)
    try:
        return int(other.execute("SELECT count(*) FROM t").fetchone()[0])
    finally:
        other.close()


def test_units_become_visible_a_batch_at_a_time(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    conn = _db(db)
    with Batch(conn, units=2, seconds=60) as batch:
        for x in range(3):
            with transaction(conn):
                conn.execute("INSERT INTO t VALUES (?)", (x,))
            batch.tick()
            assert _count(db) == (2 if x >= 1 else 0)  # committed after the second unit only
    assert _count(db) == 3


def test_a_failing_unit_rolls_back_alone(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    conn = _db(db)
    with Batch(conn, units=10, seconds=60) as batch:
        for x in range(3):
            try:
                with transaction(conn):
                    conn.execute("INSERT INTO t VALUES (?)", (x,))
                    if x == 1:
                        raise ValueError("half-written unit")
            except ValueError:
                pass
            batch.tick()
    rows = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT x FROM t"))
    assert rows == [0, 2]


def test_an_escaping_error_keeps_committed_units_only(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    conn = _db(db)
    with pytest.raises(RuntimeError), Batch(conn, units=2, seconds=60) as batch:
        for x in range(3):
            with transaction(conn):
                conn.execute("INSERT INTO t VALUES (?)", (x,))
            batch.tick()
        raise RuntimeError("killed mid-batch")
    assert _count(db) == 2
    assert not conn.in_transaction
