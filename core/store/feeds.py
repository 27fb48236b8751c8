"""The feeds a user follows, kept in the index beside the articles they brought.

One row per feed URL: its name (the outlet its items are shown under), the validators of
the last response (ETag, Last-Modified) for conditional requests, what the last fetch did,
and the back-off state of a feed that keeps failing. The table is created on first use
(``CREATE TABLE IF NOT EXISTS``), so an index that never saw a feed is left as it was and
older wiredesk versions still open it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from .schema import transaction

_TABLE = """CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    name TEXT,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_fetch TEXT,
    status TEXT NOT NULL DEFAULT 'never fetched',
    failures INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0
)"""


@dataclass
class Feed:
    """A followed feed and what its last fetch did."""

    url: str
    name: str | None
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    status: str = "never fetched"
    """One line: "ok", "not modified", or the last error."""
    failures: int = 0
    """Failed fetches in a row (0 after a success); drives the back-off."""
    next_try: float = 0.0
    """Epoch seconds before which ``fetch`` skips this feed (back-off)."""
    items: int = 0
    """Items in the feed at the last successful fetch."""
    articles: int = 0
    """Articles this feed has brought into the index, all fetches together."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class FeedStore:
    """Feed rows on an index connection (the caller owns the connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._ready = False

    def _ensure(self) -> None:
        if not self._ready:
            exists = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feeds'"
            ).fetchone()
            if not exists:
                with transaction(self.conn):
                    self.conn.execute(_TABLE)
            self._ready = True

    def all(self) -> list[Feed]:
        self._ensure()
        return [Feed(**dict(r)) for r in self.conn.execute("SELECT * FROM feeds ORDER BY url")]

    def get(self, url: str) -> Feed | None:
        self._ensure()
        row = self.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return Feed(**dict(row)) if row else None

    def add(self, url: str, name: str | None, now: str) -> bool:
        """Follow ``url``; True when it is new (an existing feed only gets its new name)."""
        self._ensure()
        with transaction(self.conn):
            if self.conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
                if name is not None:
                    self.conn.execute("UPDATE feeds SET name = ? WHERE url = ?", (name, url))
                return False
            self.conn.execute("INSERT INTO feeds(url, name, added_at) VALUES (?, ?, ?)", (url, name, now))
        return True

    def remove(self, url: str) -> bool:
        self._ensure()
        with transaction(self.conn):
            return self.conn.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def save(self, feed: Feed) -> None:
        """Record a fetch's outcome (the row must exist; a feed removed meanwhile stays removed)."""
        self._ensure()
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, last_fetch = ?, status = ?, failures = ?, "
                "next_try = ?, items = ?, articles = ? WHERE url = ?",
                (feed.etag, feed.last_modified, feed.last_fetch, feed.status, feed.failures, feed.next_try,
                 feed.items, feed.articles, feed.url),
            )
