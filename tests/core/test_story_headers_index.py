"""The story headers (``store/summaries.py``) come from one covering index, so the reader's
first screen does not visit every article row of a large index (schema v3)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wiredesk.core.models import ParsedArticle, Story
from wiredesk.core.store import Index
from wiredesk.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from wiredesk.core.store.summaries import _SUMMARY_SQL, story_summaries


def plan(idx: Index) -> str:
    return " | ".join(str(row[3]) for row in idx.conn.execute("EXPLAIN QUERY PLAN " + _SUMMARY_SQL))


def test_headers_query_reads_only_the_covering_index(tmp_path: Path) -> None:
    with Index(tmp_path / "index.sqlite3") as idx:
        parsed = [ParsedArticle(source=f"a{i}", raw=f"r{i}", body=f"Body {i}.", title=f"T{i}",
                                outlet=f"Outlet {i % 2}", published=f"2031-01-0{i + 1}") for i in range(3)]
        ids = list(idx.store_file("/x.xml", None, parsed).ids)
        idx.set_stories([Story("s1", "One", ids[:2]), Story("s2", "Two", ids[2:])], {})
        assert "COVERING INDEX articles_summary" in plan(idx)
        assert [(s.id, s.articles, s.outlets, s.latest[:10]) for s in story_summaries(idx)] == [
            ("s2", 1, 1, "2031-01-03"), ("s1", 2, 2, "2031-01-02")]


def test_version_two_index_gains_the_headers_index(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0] + MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Index(path) as idx:
        assert idx.schema_version() == SCHEMA_VERSION
        names = {r[0] for r in idx.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "articles_summary" in names
        assert "COVERING INDEX articles_summary" in plan(idx)
