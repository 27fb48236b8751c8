"""Schema versions: an empty file is migrated, an older one upgraded, a newer one refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from wiredesk.core.service import Wiredesk
from wiredesk.core.store import Index, SchemaTooNew
from wiredesk.core.store.schema import MIGRATIONS, SCHEMA_VERSION


def test_empty_file_is_migrated_to_the_current_schema(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with Index(db_path) as idx:
        assert idx.created
        assert idx.schema_version() == SCHEMA_VERSION
        assert idx.count() == 0
        assert idx.integrity_problems() == []
    with Index(db_path) as again:
        assert not again.created


def test_version_one_index_is_upgraded_keeping_its_articles(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO articles(id, source, path, content_hash, format, body, raw, indexed_at) "
        "VALUES ('abc', '/x.txt', '/x.txt', 'h', 'text', 'Body.', 'Body.', '2024-01-01T00:00:00Z')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Index(db_path) as idx:
        assert idx.schema_version() == SCHEMA_VERSION
        assert [a.id for a in idx.articles()] == ["abc"]
        assert idx.needs_regroup()  # a v1 grouping is not trusted


def _newer(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_left_alone(db_path: Path) -> None:
    _newer(db_path)
    original = db_path.read_bytes()
    with pytest.raises(SchemaTooNew) as info:
        Index(db_path)
    message = str(info.value)
    assert "newer wiredesk" in message and str(db_path) in message and "\n" not in message
    with pytest.raises(SchemaTooNew):
        Wiredesk(db_path).ensure_open()  # the service must not "recover" a newer file
    assert db_path.read_bytes() == original
    assert not list(db_path.parent.glob("*.corrupt-*"))


def test_cli_reports_a_newer_schema_in_one_line(db_path: Path, sub_env: dict[str, str]) -> None:
    _newer(db_path)
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "--db", str(db_path), "list", "--json"],
        capture_output=True, text=True, env=sub_env, timeout=60,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer wiredesk" in lines[0]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_unopenable_index_path_is_reported_not_quarantined(tmp_path: Path) -> None:
    from wiredesk.core.store import IndexUnavailable

    target = tmp_path / "index.sqlite3"
    target.mkdir()  # a folder where the index file should be
    with pytest.raises(IndexUnavailable) as info:
        Wiredesk(target).ensure_open()
    assert str(target) in str(info.value) and "\n" not in str(info.value)
    assert target.is_dir() and not list(tmp_path.glob("*.corrupt-*"))


def test_index_under_a_file_is_reported_in_one_line(tmp_path: Path) -> None:
    from wiredesk.core.store import IndexUnavailable

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(IndexUnavailable) as info:
        Index(blocker / "index.sqlite3")
    assert "cannot create its folder" in str(info.value)
