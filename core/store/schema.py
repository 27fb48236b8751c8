"""The index's SQL schema and its migrations.

``PRAGMA user_version`` records the schema version. Each migration is a list of statements
applied in one transaction, so an index is always at one version or the next, never between.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Any

from .errors import WriteFailed

MIGRATIONS: list[list[str]] = [
    # 1: files, articles, full-text search, cached engine results.
    [
        """CREATE TABLE files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            file_hash TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            format TEXT NOT NULL,
            title TEXT, outlet TEXT, byline TEXT,
            published TEXT, published_at TEXT, dateline TEXT, url TEXT,
            body TEXT NOT NULL,
            raw TEXT NOT NULL,
            captions TEXT NOT NULL DEFAULT '[]',
            removed TEXT NOT NULL DEFAULT '[]',
            indexed_at TEXT NOT NULL,
            story TEXT,
            copy_of TEXT
        )""",
        "CREATE INDEX articles_path ON articles(path)",
        "CREATE INDEX articles_hash ON articles(content_hash)",
        "CREATE INDEX articles_story ON articles(story)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, coalesce(new.title, ''), new.body);
        END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.rowid, coalesce(old.title, ''), old.body);
        END""",
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.rowid, coalesce(old.title, ''), old.body);
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, coalesce(new.title, ''), new.body);
        END""",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            signature TEXT NOT NULL
        )""",
        """CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            engine TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE story_facts (
            story TEXT PRIMARY KEY,
            engine TEXT NOT NULL,
            signature TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
    ],
    # 2: change counters. ``generation`` moves whenever articles change (so a grouping left
    # stale by a killed or concurrent indexer is redone), ``version`` whenever anything the
    # reader shows changes (so the app can poll one cheap number and refresh).
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO meta(key, value) VALUES ('generation', 1), ('grouped', 0), ('version', 1)",
    ],
    # 3: the story headers (each story's size, outlets and latest activity, store/summaries.py)
    # read from one covering index instead of one article row per article: on a 10,000-article
    # index that query visited ~40 MB of rows before the reader's first paint.
    [
        "CREATE INDEX articles_summary ON articles(story, published_at, published, indexed_at, outlet, url, id)",
    ],
    # 4: a bulk write's full-text rows added in one statement per commit (``Index.batch``).
    # Added by the trigger, one article at a time, each insert flushed FTS5's pending terms
    # to disk as a segment of its own (FTS5 flushes at every statement savepoint), which cost
    # ~2.5x the rest of the write. The trigger stands aside while the 'fts_deferred' flag
    # is set, and a batch sets and clears it inside its own transaction: no other connection
    # ever sees it, and a killed run rolls it back with the rows it had written.
    [
        "DROP TRIGGER articles_ai",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles
            WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, coalesce(new.title, ''), new.body);
        END""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION_ID = 0x57444B31  # "WDK1" in the SQLite header: this file is a wiredesk index


class SchemaTooNew(RuntimeError):
    """The index was written by a newer wiredesk; refusing to guess at its layout.

    Deliberately not a corruption: the file is fine, this program is just too old for it,
    so it must never be moved aside or rebuilt.
    """


def check_not_newer(conn: sqlite3.Connection, *, where: str = "index") -> int:
    """Return the file's schema version; raise :class:`SchemaTooNew` if this code is too old.

    Call it before anything that writes (even ``PRAGMA journal_mode``), so a newer file is
    left byte-for-byte as it was.
    """
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{where}: schema v{version} was written by a newer wiredesk (this one understands up to "
            f"v{SCHEMA_VERSION}); upgrade wiredesk or use another --db"
        )
    return int(version)


def migrate(conn: sqlite3.Connection, *, where: str = "index") -> int:
    """Bring ``conn`` to the current schema; return the version it was at before.

    Returns ``-1`` when this connection created the schema from nothing (an empty or new
    file), so the caller can tell "brand new" from "already there" even when two processes
    open a fresh file at once: only the one that ran the first migration sees ``-1``.
    """
    before = check_not_newer(conn, where=where)
    created = False
    for version in range(before, SCHEMA_VERSION):
        with transaction(conn):
            (current,) = conn.execute("PRAGMA user_version").fetchone()
            if current > version:  # another process migrated meanwhile
                continue
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            if version == 0:  # marks the file as wiredesk's (see ``store.ownership``)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            created = created or version == 0
    return -1 if created else before


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken with the write lock up front.

    ``BEGIN IMMEDIATE`` makes a second writer wait (``busy_timeout``) instead of failing
    half-way with "database is locked"; anything raised inside rolls the whole unit back,
    so nothing half-written lands. SQLite's operational failures (disk full, read-only,
    I/O error, lock timeout) become :class:`WriteFailed` with a one-line message. The
    connection must be in autocommit mode (``isolation_level=None``).

    Inside a transaction already open (a :class:`Batch`), the unit becomes a savepoint:
    it still lands whole or not at all, and the batch commits it with its neighbours.
    """
    if conn.in_transaction:
        yield from _savepoint(conn)
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _write_failed(conn, exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            raise _write_failed(conn, exc) from exc
        raise


def _savepoint(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("SAVEPOINT unit")
    try:
        yield conn
    except BaseException:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK TO unit")
            conn.execute("RELEASE unit")
        raise
    conn.execute("RELEASE unit")


class Batch:
    """Many small write units under few commits, for bulk indexing.

    Each commit of a WAL database with a full-text index costs far more than the rows it
    writes (the FTS segment flush and merge): committing every few dozen files instead of
    every file is most of the indexing time saved. Durability is unchanged in kind: every
    commit is atomic, units inside stay whole (savepoints), and a killed run loses only the
    files since the last commit, which the next run indexes again. Call :meth:`tick` after
    each unit; it commits when ``units`` units or ``seconds`` have gone by, so other
    writers never wait long for the lock.
    """

    def __init__(
        self, conn: sqlite3.Connection, *, units: int = 64, seconds: float = 0.25,
        on_begin: Callable[[], None] | None = None, before_commit: Callable[[], None] | None = None,
        on_abort: Callable[[], None] | None = None,
    ) -> None:
        self.conn = conn
        self.units = units
        self.seconds = seconds
        self.on_begin = on_begin
        """Called inside each new transaction, first."""
        self.before_commit = before_commit
        """Called inside each transaction, last, before it commits (an error rolls it back)."""
        self.on_abort = on_abort
        """Called when a transaction is rolled back instead."""
        self._open: AbstractContextManager[sqlite3.Connection] | None = None
        self._count = 0
        self._since = 0.0

    def __enter__(self) -> Batch:
        self._begin()
        return self

    def _begin(self) -> None:
        self._open = transaction(self.conn)
        self._open.__enter__()
        self._count, self._since = 0, time.monotonic()
        if self.on_begin is not None:
            try:
                self.on_begin()
            except BaseException as exc:
                self._end(exc)
                raise

    def _end(self, exc: BaseException | None) -> None:
        """Commit (``exc`` None, after ``before_commit``) or roll back the open transaction."""
        opened, self._open = self._open, None
        assert opened is not None
        if exc is None and self.before_commit is not None:
            try:
                self.before_commit()
            except BaseException as failed:
                exc = failed
                if self.on_abort is not None:
                    self.on_abort()
                opened.__exit__(type(failed), failed, failed.__traceback__)
                raise
        elif exc is not None and self.on_abort is not None:
            self.on_abort()
        if exc is None:
            opened.__exit__(None, None, None)
        else:
            opened.__exit__(type(exc), exc, exc.__traceback__)

    def tick(self) -> None:
        """One unit done: commit if the batch is full or old enough."""
        self._count += 1
        if self._count >= self.units or time.monotonic() - self._since >= self.seconds:
            self._end(None)
            self._begin()

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        if self._open is not None:  # None: a commit failed in tick() and was rolled back there
            self._end(exc)


def _write_failed(conn: sqlite3.Connection, exc: sqlite3.OperationalError) -> WriteFailed:
    try:
        where = conn.execute("PRAGMA database_list").fetchone()[2] or "database"
    except sqlite3.Error:
        where = "database"
    reason = str(exc)
    if "locked" in reason or "busy" in reason:
        reason += " (another wiredesk process kept it busy past the timeout)"
    return WriteFailed(f"{where}: could not save changes ({reason}); nothing was half-written")
