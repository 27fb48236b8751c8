"""The user's triage state (read, starred, dismissed, notes, last visit) in its own file.

It lives beside the index, not inside it, on purpose: the index can always be rebuilt from
the source files, the user's judgement cannot. The same file records which files and folders
were indexed (``sources``), because a rebuild needs that list precisely when the index
itself is unreadable. Keeping it separate means a corrupt or
deleted index never takes the triage state with it. Keys are article ids, which follow an
article's content across moves and re-indexing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .schema import transaction

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS triage (
        article TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS sources (
        path TEXT PRIMARY KEY,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS visits (
        story TEXT PRIMARY KEY,
        seen_articles TEXT NOT NULL DEFAULT '[]',
        seen_facts TEXT NOT NULL DEFAULT '[]'
    )""",
]

FLAGS = ("read", "starred", "dismissed")


@dataclass(frozen=True)
class TriageState:
    """One article's triage marks."""

    read: bool = False
    starred: bool = False
    dismissed: bool = False
    note: str = ""


class TriageUnavailable(RuntimeError):
    """The triage file cannot be opened or read; the message names it and the reason."""


def triage_path_for(index_path: Path) -> Path:
    """The triage file that belongs to an index file."""
    return index_path.with_name(index_path.stem + ".triage.sqlite3")


class TriageStore:
    """Read and write triage marks; every write is one transaction."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TriageUnavailable(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from exc
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise TriageUnavailable(f"{self.path}: cannot open the triage file ({exc})") from exc
        try:
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA journal_mode = WAL")
            with transaction(self.conn):
                for statement in _SCHEMA:
                    self.conn.execute(statement)
        except sqlite3.Error as exc:
            self.conn.close()
            # Never moved aside or recreated automatically: it holds the user's judgement.
            raise TriageUnavailable(
                f"{self.path}: cannot use the triage file ({exc}); it was left untouched"
            ) from exc

    def close(self) -> None:
        self.conn.close()

    def get(self, article: str) -> TriageState:
        row = self.conn.execute(
            "SELECT read, starred, dismissed, note FROM triage WHERE article = ?", (article,)
        ).fetchone()
        return TriageState(bool(row[0]), bool(row[1]), bool(row[2]), row[3]) if row else TriageState()

    def all(self) -> dict[str, TriageState]:
        return {
            r[0]: TriageState(bool(r[1]), bool(r[2]), bool(r[3]), r[4])
            for r in self.conn.execute("SELECT article, read, starred, dismissed, note FROM triage")
        }

    def set_flag(self, article: str, flag: str, value: bool) -> TriageState:
        """Set ``read``, ``starred`` or ``dismissed`` for one article."""
        if flag not in FLAGS:
            raise ValueError(f"unknown triage flag {flag!r}")
        with transaction(self.conn):
            self.conn.execute("INSERT OR IGNORE INTO triage(article) VALUES (?)", (article,))
            self.conn.execute(f"UPDATE triage SET {flag} = ? WHERE article = ?", (int(value), article))
        return self.get(article)

    def set_flag_many(self, articles: Iterable[str], flag: str, value: bool) -> dict[str, TriageState]:
        """Set one flag on many articles in one transaction (a whole story dismissed at once)."""
        if flag not in FLAGS:
            raise ValueError(f"unknown triage flag {flag!r}")
        articles = list(articles)
        with transaction(self.conn):
            self.conn.executemany("INSERT OR IGNORE INTO triage(article) VALUES (?)", [(a,) for a in articles])
            self.conn.executemany(f"UPDATE triage SET {flag} = ? WHERE article = ?",
                                  [(int(value), a) for a in articles])
        return {a: self.get(a) for a in articles}

    def set_note(self, article: str, note: str) -> None:
        with transaction(self.conn):
            self.conn.execute("INSERT OR IGNORE INTO triage(article) VALUES (?)", (article,))
            self.conn.execute("UPDATE triage SET note = ? WHERE article = ?", (note, article))

    def last_visit(self, story: str) -> tuple[set[str], set[str]] | None:
        """Articles and facts seen at the last visit to ``story``; None if never visited."""
        row = self.conn.execute(
            "SELECT seen_articles, seen_facts FROM visits WHERE story = ?", (story,)
        ).fetchone()
        return (set(json.loads(row[0])), set(json.loads(row[1]))) if row else None

    def record_visit(self, story: str, articles: set[str], facts: set[str]) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO visits(story, seen_articles, seen_facts) VALUES (?, ?, ?)",
                (story, json.dumps(sorted(articles)), json.dumps(sorted(facts))),
            )

    # -- indexed roots (what a rebuild re-reads) ----------------------------------------

    def record_sources(self, paths: Iterable[str]) -> None:
        """Remember files and folders given to ``index`` (absolute paths), in one transaction."""
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with transaction(self.conn):
            self.conn.executemany(
                "INSERT OR IGNORE INTO sources(path, added_at) VALUES (?, ?)",
                [(p, now) for p in paths],
            )

    def sources(self) -> list[str]:
        """Every file or folder ever indexed into this index, in the order first given."""
        return [r[0] for r in self.conn.execute("SELECT path FROM sources ORDER BY added_at, path")]

    def forget_sources(self, paths: Iterable[str]) -> None:
        with transaction(self.conn):
            self.conn.executemany("DELETE FROM sources WHERE path = ?", [(p,) for p in paths])

    def integrity_problems(self) -> list[str]:
        rows = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check(20)")]
        return [] if rows == ["ok"] else rows
