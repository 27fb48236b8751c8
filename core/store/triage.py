"""The user's triage state (read, starred, dismissed, notes, last visit) in its own file.

It lives beside the index, not inside it, on purpose: the index can always be rebuilt from
the source files, the user's judgement cannot. Keeping it separate means a corrupt or
deleted index never takes the triage state with it. Keys are article ids, which follow an
article's content across moves and re-indexing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from wiredesk.core.store.schema import transaction

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS triage (
        article TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
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


def triage_path_for(index_path: Path) -> Path:
    """The triage file that belongs to an index file."""
    return index_path.with_name(index_path.stem + ".triage.sqlite3")


class TriageStore:
    """Read and write triage marks; every write is one transaction."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.conn.execute("PRAGMA journal_mode = WAL")
        with transaction(self.conn):
            for statement in _SCHEMA:
                self.conn.execute(statement)

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
