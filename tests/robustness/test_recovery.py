"""A damaged, truncated or missing index is moved aside and rebuilt; triage survives."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from wiredesk.core.service import Wiredesk
from wiredesk.core.store import Index, IndexCorrupt
from wiredesk.core.store.recovery import open_index


def _build(db_path: Path, corpus: Path) -> tuple[set[str], dict[str, object]]:
    """Index ``corpus``, mark some triage state, fold the WAL into the file; return ids+triage."""
    service = Wiredesk(db_path)
    service.index([corpus])
    ids = [a.id for a in service.articles()]
    service.set_triage(ids[0], "starred", True)
    service.set_triage(ids[1], "read", True)
    service.set_triage(ids[2], "dismissed", True)
    service.triage_db.set_note(ids[0], "check the second paragraph — «quoted»")
    triage = dict(service.triage())
    service.index_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    service.close()
    return set(ids), triage


def _truncate_half(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _header_smashed(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.write(b"this is not sqlite at all")


def _interior_pages_zeroed(path: Path) -> None:
    """Keep the header and schema page, zero everything after the first few pages."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(4096 * 3)
        fh.write(b"\0" * (size - 4096 * 3))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate_half,
    "garbage": _garbage,
    "header": _header_smashed,
    "zeroed": _interior_pages_zeroed,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_index_is_rebuilt_and_triage_survives(damage: str, db_path: Path, corpus: Path) -> None:
    ids, triage = _build(db_path, corpus)
    DAMAGE[damage](db_path)
    with pytest.raises(IndexCorrupt):
        Index(db_path)  # the raw store does see the damage ...
    service = Wiredesk(db_path)
    message = service.ensure_open()  # ... and the service repairs it
    assert message is not None and "\n" not in message
    assert "damaged" in message and "rebuilt 40 article(s)" in message and "triage state kept" in message
    assert {a.id for a in service.articles()} == ids
    assert service.triage() == triage
    assert service.index_db.integrity_problems() == []
    assert service.stories(), "the rebuild regroups stories too"
    moved = list(db_path.parent.glob(f"{db_path.name}.corrupt-*"))
    assert len([m for m in moved if not m.name.endswith(("-wal", "-shm"))]) == 1
    # The next open is ordinary: nothing more to report.
    assert Wiredesk(db_path).ensure_open() is None


def test_deleted_index_is_rebuilt_from_recorded_sources(db_path: Path, corpus: Path) -> None:
    ids, triage = _build(db_path, corpus)
    for p in db_path.parent.glob(db_path.name + "*"):
        p.unlink()
    service = Wiredesk(db_path)
    message = service.ensure_open()
    assert message and "missing or empty" in message
    assert {a.id for a in service.articles()} == ids and service.triage() == triage


def test_first_run_reports_nothing(db_path: Path) -> None:
    assert Wiredesk(db_path).ensure_open() is None


def test_damaged_index_without_recorded_sources_starts_empty(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"\x00garbage" * 600)
    service = Wiredesk(db_path)
    message = service.ensure_open()
    assert message and "new empty index" in message
    assert service.articles() == []


def test_live_wal_of_a_damaged_file_is_moved_aside_too(db_path: Path, corpus: Path) -> None:
    """The old file's WAL must not be replayed into the fresh file (it would mix the two).

    SQLite itself may discard it when the main file is unreadable; otherwise quarantine
    moves it aside with the main file. Either way the fresh index holds exactly the rebuild.
    """
    ids, _ = _build(db_path, corpus)
    writer = Index(db_path)
    writer.forget_file(str(sorted(corpus.iterdir())[0].resolve()))  # frames now sit in the WAL
    wal = db_path.with_name(db_path.name + "-wal")
    frames = wal.read_bytes()
    writer.close()
    assert len(frames) > 32
    _garbage(db_path)
    wal.write_bytes(frames)
    service = Wiredesk(db_path)
    assert service.ensure_open()
    assert service.index_db.integrity_problems() == []
    assert {a.id for a in service.articles()} == ids
    assert service.index_db.count() == len(ids)


def test_two_processes_hitting_the_same_damage_recover_once(db_path: Path, corpus: Path) -> None:
    _build(db_path, corpus)
    _garbage(db_path)
    first, ev1 = open_index(db_path)
    second, ev2 = open_index(db_path)  # arrives after the first moved it aside
    assert ev1 is not None and ev1.reason == "corrupt"
    assert ev2 is None or ev2.reason != "corrupt"
    first.close()
    second.close()


def test_cli_prints_one_recovery_line_and_works(db_path: Path, corpus: Path, sub_env: dict[str, str]) -> None:
    ids, _ = _build(db_path, corpus)
    _truncate_half(db_path)
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "--db", str(db_path), "list", "--json"],
        capture_output=True, text=True, env=sub_env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    notes = [ln for ln in result.stderr.splitlines() if "damaged" in ln]
    assert len(notes) == 1 and "rebuilt 40 article(s)" in notes[0]
    import json

    assert {a["id"] for a in json.loads(result.stdout)["articles"]} == ids
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_interrupted_rebuild_is_resumed(db_path: Path, corpus: Path) -> None:
    from wiredesk.core.store.recovery import pending_marker

    ids, triage = _build(db_path, corpus)
    with Index(db_path) as idx:  # a rebuild killed half-way: sound file, half the articles
        for path in sorted(corpus.iterdir())[::2]:
            idx.forget_file(str(path.resolve()))
    pending_marker(db_path).touch()
    service = Wiredesk(db_path)
    message = service.ensure_open()
    assert message and "interrupted rebuild" in message
    assert {a.id for a in service.articles()} == ids and service.triage() == triage
    assert not pending_marker(db_path).exists()
    assert Wiredesk(db_path).ensure_open() is None


def test_killing_the_recovering_process_still_ends_complete(
    db_path: Path, corpus: Path, sub_env: dict[str, str], kill_trials: object
) -> None:
    ids, _ = _build(db_path, corpus)
    cmd = [sys.executable, "-m", "wiredesk", "--db", str(db_path), "list", "--json"]
    for delay in (0.25, 0.4, 0.6):
        _garbage(db_path)
        kill_trials.kill_after(cmd, delay, sub_env)  # type: ignore[attr-defined]
        result = subprocess.run(cmd, capture_output=True, text=True, env=sub_env, timeout=120)
        assert result.returncode == 0, result.stderr
        import json

        assert {a["id"] for a in json.loads(result.stdout)["articles"]} == ids
