"""Folders and files whose names are not UTF-8 are recorded with \\xNN escapes; a rebuild and
doctor find them again on disk."""

from __future__ import annotations

import os
from pathlib import Path

from wiredesk.core.doctor import run_doctor
from wiredesk.core.service import Wiredesk

from wiredesk.resources import bundled_dir


def test_a_damaged_index_is_rebuilt_from_an_undecodable_folder(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"d\xff\x9b")
    folder.mkdir()
    for seed, raw in zip(sorted(bundled_dir("seeds").glob("*.txt")), [b"z\xfe.txt", b"ok.txt"], strict=False):
        (folder / os.fsdecode(raw)).write_bytes(seed.read_bytes())
    db = tmp_path / "index.sqlite3"
    service = Wiredesk(db)
    assert service.index([folder]).errors == []
    paths = sorted(a.path for a in service.articles())
    assert all("\\xff\\x9b" in p for p in paths) and any(p.endswith("z\\xfe.txt") for p in paths)
    report = run_doctor(service)
    assert report.ok, report.lines()
    service.close()
    with open(db, "r+b") as fh:  # damage it
        fh.seek(100)
        fh.write(b"\xff" * 4000)
    rebuilt = Wiredesk(db)
    message = rebuilt.ensure_open()
    assert message and "rebuilt 2 article(s)" in message and "could not be read" not in message
    assert sorted(a.path for a in rebuilt.articles()) == paths
