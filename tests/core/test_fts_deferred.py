"""A batch's full-text rows are added once per commit instead of one per article by the
trigger (schema v4): the full-text index still matches the articles exactly after every
kind of write a batch can hold, and no other connection ever sees the deferral flag."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from wiredesk.core.models import ParsedArticle
from wiredesk.core.store.index import FileState, Index
from wiredesk.core.store.schema import transaction


def _art(source: str, word: str) -> ParsedArticle:
    body = f"The harbour board met about the {word} on Monday and voted to repair the pier."
    return ParsedArticle(source=source, raw=body, body=body, title=f"Board on {word}")


def _state(n: int) -> FileState:
    return FileState(n, n, f"h{n}")


def _hits(db: Index, word: str) -> list[str]:
    return sorted((a.title or "").split()[-1] for a, _snip in db.search(word))  # the word in its title


def _flag(path: Path) -> int:
    other = sqlite3.connect(path)
    try:
        return int(other.execute("SELECT count(*) FROM meta WHERE key = 'fts_deferred'").fetchone()[0])
    finally:
        other.close()


def test_a_batch_of_new_articles_is_searchable_and_consistent(tmp_path: Path) -> None:
    db = Index(tmp_path / "i.sqlite3")
    with db.batch() as batch:
        for i in range(150):
            db.store_file(f"/f/{i}.txt", _state(i), [_art(f"/f/{i}.txt", f"word{i}x")])
            batch.tick()
            assert _flag(db.path) == 0  # never visible outside the batch's transaction
    assert db.fts_consistent()
    assert _hits(db, "word7x") == ["word7x"] and _hits(db, "word149x") == ["word149x"]
    assert len(_hits(db, "harbour")) == 50  # search's own limit
    assert db.conn.execute("SELECT count(*) FROM meta WHERE key = 'fts_deferred'").fetchone()[0] == 0


def test_updates_and_removals_of_rows_added_in_the_same_batch(tmp_path: Path) -> None:
    db = Index(tmp_path / "i.sqlite3")
    with db.batch() as batch:
        db.store_file("/f/a.txt", _state(1), [_art("/f/a.txt#1", "alpha"), _art("/f/a.txt#2", "beta")])
        batch.tick()
        # the same file again in the same batch: one article changed, one gone
        db.store_file("/f/a.txt", _state(2), [_art("/f/a.txt#1", "gamma")])
        batch.tick()
        db.store_file("/f/b.txt", _state(3), [_art("/f/b.txt", "delta")])
        db.forget_file("/f/b.txt")
        batch.tick()
    assert db.fts_consistent()
    assert _hits(db, "alpha") == [] and _hits(db, "beta") == [] and _hits(db, "delta") == []
    assert _hits(db, "gamma") == ["gamma"]


def test_a_unit_rolled_back_inside_the_batch_leaves_no_row_behind(tmp_path: Path) -> None:
    db = Index(tmp_path / "i.sqlite3")
    with db.batch() as batch:
        db.store_file("/f/a.txt", _state(1), [_art("/f/a.txt", "alpha")])
        batch.tick()
        with pytest.raises(ValueError), transaction(db.conn):
            db.store_file("/f/b.txt", _state(2), [_art("/f/b.txt", "beta")])
            raise ValueError("half-written unit")
        batch.tick()
        db.store_file("/f/c.txt", _state(3), [_art("/f/c.txt", "gamma")])  # may reuse b's rowid
        batch.tick()
    assert db.fts_consistent()
    assert _hits(db, "beta") == [] and _hits(db, "gamma") == ["gamma"] and _hits(db, "alpha") == ["alpha"]


def test_a_batch_that_fails_rolls_back_rows_and_flag(tmp_path: Path) -> None:
    db = Index(tmp_path / "i.sqlite3")
    db.store_file("/f/a.txt", _state(1), [_art("/f/a.txt", "alpha")])  # outside a batch: the trigger
    with pytest.raises(RuntimeError), db.batch():
        db.store_file("/f/b.txt", _state(2), [_art("/f/b.txt", "beta")])
        raise RuntimeError("killed")
    assert db.fts_consistent() and _hits(db, "alpha") == ["alpha"] and _hits(db, "beta") == []
    assert db.conn.execute("SELECT count(*) FROM meta WHERE key = 'fts_deferred'").fetchone()[0] == 0
    db.store_file("/f/c.txt", _state(3), [_art("/f/c.txt", "gamma")])
    assert db.fts_consistent() and _hits(db, "gamma") == ["gamma"]
