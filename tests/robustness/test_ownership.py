"""``--db`` never takes over a file that is not a wiredesk index: refused in one line, untouched."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from wiredesk.core.service import Wiredesk
from wiredesk.core.store.ownership import NotAnIndex
from wiredesk.core.store.schema import APPLICATION_ID

from wiredesk.cli.main import main


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("command", [["list"], ["index", "-"], ["doctor", "--fix"], ["search", "x"]])
def test_a_text_file_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Some text on stdin.\n")))
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not an index\n" * 50, encoding="utf-8")
    before = _snapshot(tmp_path)
    assert main(["--db", str(notes), *command]) == 1
    out, err = capsys.readouterr()
    said = err if command[0] != "doctor" else out  # doctor reports it as its index check
    assert "not a wiredesk index" in said and "left untouched" in said and "Traceback" not in err
    assert command[0] == "doctor" or err.count("\n") == 1
    assert _snapshot(tmp_path) == before  # not renamed, no triage or lock file beside it


def test_another_programs_sqlite_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('ana')")
    conn.close()
    before = _snapshot(tmp_path)
    assert main(["--db", str(other), "list"]) == 1
    assert "another program's SQLite database (tables: contacts)" in capsys.readouterr().err
    assert _snapshot(tmp_path) == before
    with pytest.raises(NotAnIndex):
        Wiredesk(other).ensure_open()


def test_new_indexes_carry_the_application_id_and_reopen(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    service = Wiredesk(db)
    service.ensure_open()
    service.close()
    assert int.from_bytes(db.read_bytes()[68:72], "big") == APPLICATION_ID
    assert Wiredesk(db).ensure_open() is None


def test_a_damaged_index_of_ours_is_still_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"  # not the usual name: the header's id says it is ours
    service = Wiredesk(db)
    service.ensure_open()
    service.close()
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\xff" * (size - 100))
    message = Wiredesk(db).ensure_open()
    assert message and "damaged" in message
    assert list(tmp_path.glob("mine.db.corrupt-*"))
