"""``run_doctor``: finds each kind of damage, fixes what is safe, reports the rest."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from wiredesk.core.doctor import run_doctor
from wiredesk.core.service import Wiredesk


def _service(db_path: Path, corpus: Path) -> Wiredesk:
    service = Wiredesk(db_path)
    service.index([corpus])
    return service


def _status(report: object, name: str) -> str:
    return next(c.status for c in report.checks if c.name == name)  # type: ignore[attr-defined]


def test_healthy_index_is_all_ok(db_path: Path, corpus: Path) -> None:
    report = run_doctor(_service(db_path, corpus))
    assert report.ok and not report.fixed
    assert {c.status for c in report.checks} == {"ok"}
    names = {c.name for c in report.checks}
    assert {"index", "integrity", "schema", "search index", "source files", "cache", "triage"} <= names
    assert report.lines()[-1] == "all good"
    data = json.loads(json.dumps(report.to_dict()))
    assert data["ok"] is True and len(data["checks"]) == len(report.checks)


def test_search_index_out_of_step_is_rebuilt(db_path: Path, corpus: Path) -> None:
    service = _service(db_path, corpus)
    victim = service.articles()[0]
    full = service.article(victim.id)
    rowid = service.index_db.conn.execute("SELECT rowid FROM articles WHERE id = ?", (victim.id,)).fetchone()[0]
    service.index_db.conn.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (rowid, full.title or "", full.body),
    )
    assert not service.index_db.fts_consistent()
    report = run_doctor(service)
    assert _status(report, "search index") == "fixed" and report.ok
    assert service.index_db.fts_consistent()
    word = max(full.body.split(), key=len)
    assert victim.id in {a.id for a, _ in service.search(word)}


def test_broken_btree_index_triggers_a_rebuild_keeping_triage(db_path: Path, corpus: Path) -> None:
    service = _service(db_path, corpus)
    ids = {a.id for a in service.articles()}
    first = sorted(ids)[0]
    service.set_triage(first, "starred", True)
    service.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA writable_schema = ON")  # make an index disagree with its table
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX articles_hash ON articles(path)' "
                 "WHERE name = 'articles_hash'")
    conn.commit()
    conn.close()
    service = Wiredesk(db_path)
    report = run_doctor(service)
    assert _status(report, "integrity") == "fixed" and report.ok
    assert "rebuilt" in next(c.message for c in report.checks if c.name == "integrity")
    assert service.index_db.integrity_problems() == []
    assert {a.id for a in service.articles()} == ids
    assert service.triage()[first].starred


def test_orphaned_cache_rows_are_dropped(db_path: Path, corpus: Path) -> None:
    service = _service(db_path, corpus)
    story = service.stories()[0].id
    service.facts(story)
    conn = service.index_db.conn
    conn.execute("INSERT INTO story_facts(story, engine, signature, data) VALUES ('gone', 'e', 's', '[]')")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO analyses(article_id, engine, content_hash, data) VALUES ('nope', 'e', 'h', '{}')")
    conn.execute("PRAGMA foreign_keys = ON")
    assert service.index_db.orphaned_cache_rows() == (1, 1)
    report = run_doctor(service)
    assert _status(report, "cache") == "fixed"
    assert service.index_db.orphaned_cache_rows() == (0, 0)
    assert service.facts(story) is not None


def test_vanished_files_are_reported_then_forgotten_with_fix(db_path: Path, corpus: Path) -> None:
    service = _service(db_path, corpus)
    gone = sorted(corpus.iterdir())[:2]
    gone_ids = {a.id for a in service.articles() if a.path in {str(p.resolve()) for p in gone}}
    assert len(gone_ids) == 2
    service.set_triage(next(iter(gone_ids)), "read", True)
    for p in gone:
        p.unlink()
    report = run_doctor(service)
    assert _status(report, "source files") == "problem" and not report.ok
    assert service.index_db.count() == 40  # nothing forgotten without --fix
    fixed = run_doctor(service, fix=True)
    assert _status(fixed, "source files") == "fixed" and fixed.ok
    assert service.index_db.count() == 38
    assert not gone_ids & {a.id for a in service.articles()}
    assert gone_ids & set(service.triage()), "triage marks of forgotten articles are kept"
    assert not service.index_db.needs_regroup()


def test_stale_grouping_is_redone(db_path: Path, corpus: Path) -> None:
    service = Wiredesk(db_path)
    service.index([corpus], regroup=False)
    assert service.index_db.needs_regroup()
    report = run_doctor(service)
    assert _status(report, "stories") == "fixed"
    assert not service.index_db.needs_regroup()


def test_damaged_triage_file_is_reported_and_left_alone(db_path: Path, corpus: Path) -> None:
    service = _service(db_path, corpus)
    triage = service.triage_db.path
    service.close()
    triage.write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        triage.with_name(triage.name + suffix).unlink(missing_ok=True)
    report = run_doctor(Wiredesk(db_path))
    assert _status(report, "triage") == "problem" and not report.ok
    assert triage.read_bytes() == b"not a database" * 100


def test_cli_doctor_json(db_path: Path, corpus: Path, sub_env: dict[str, str]) -> None:
    _service(db_path, corpus).close()
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "--db", str(db_path), "doctor", "--json"],
        capture_output=True, text=True, env=sub_env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True and {c["status"] for c in data["checks"]} == {"ok"}


def test_cli_doctor_fix_forgets_vanished_files(db_path: Path, corpus: Path, sub_env: dict[str, str]) -> None:
    _service(db_path, corpus).close()
    sorted(corpus.iterdir())[0].unlink()
    cmd = [sys.executable, "-m", "wiredesk", "--db", str(db_path), "doctor"]
    plain = subprocess.run(cmd, capture_output=True, text=True, env=sub_env, timeout=120)
    assert plain.returncode == 1 and "PROBLEM source files" in " ".join(plain.stdout.split())
    fixed = subprocess.run([*cmd, "--fix"], capture_output=True, text=True, env=sub_env, timeout=120)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "fixed source files" in " ".join(fixed.stdout.split())
