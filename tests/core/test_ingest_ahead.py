"""The parse-ahead thread hands over exactly what a direct parse would give, or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from wiredesk.core.ingest import IngestError, parse_file
from wiredesk.core.ingest.ahead import ParseAhead
from wiredesk.core.service import Wiredesk
from wiredesk.core.store import content_hash

_BODY = "The council met on Monday and voted to repair the bridge before the spring floods arrived. " * 3


def _files(tmp_path: Path, n: int) -> list[Path]:
    out = []
    for i in range(n):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Headline number {i}\n\n{_BODY}\n")
        out.append(p)
    return out


def _stamp(p: Path) -> tuple[int, int]:
    st = os.stat(p)
    return st.st_size, st.st_mtime_ns


def test_take_gives_the_same_articles_as_parse_file(tmp_path: Path) -> None:
    files = _files(tmp_path, 4)
    with ParseAhead(files, {}, 1 << 20, content_hash) as ahead:
        for i, p in enumerate(files):
            got = ahead.take(i, *_stamp(p))
            want = parse_file(p)
            assert got == (want, [content_hash(a) for a in want])


def test_known_unchanged_files_are_skipped_and_later_ones_still_arrive(tmp_path: Path) -> None:
    files = _files(tmp_path, 4)
    known = {os.path.realpath(files[1]): _stamp(files[1])}
    with ParseAhead(files, known, 1 << 20, content_hash) as ahead:
        assert ahead.take(1, *_stamp(files[1])) is None  # skipped: the caller parses it itself
        got = ahead.take(2, *_stamp(files[2]))
        assert got is not None and got[0] == parse_file(files[2])


def test_a_stale_stamp_is_refused_and_errors_are_raised_where_parse_would_raise(tmp_path: Path) -> None:
    files = _files(tmp_path, 2)
    files[1].write_bytes(b"   \n")
    with ParseAhead(files, {}, 1 << 20, content_hash) as ahead:
        size, mtime = _stamp(files[0])
        assert ahead.take(0, size + 1, mtime) is None
        with pytest.raises(IngestError):
            ahead.take(1, *_stamp(files[1]))


def test_index_of_a_folder_matches_one_file_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREDESK_HOME", str(tmp_path / "home"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = _files(corpus, 6)
    (corpus / "empty.txt").write_bytes(b"")
    bulk = Wiredesk(tmp_path / "bulk.sqlite3").index([corpus], regroup=False)
    single = Wiredesk(tmp_path / "single.sqlite3")
    one_by_one = [single.index([p], regroup=False) for p in sorted(corpus.iterdir())]
    assert bulk.added == sum(r.added for r in one_by_one) == len(files)
    assert [e.reason for e in bulk.errors] == [e.reason for r in one_by_one for e in r.errors]
    assert bulk.ids == [i for r in one_by_one for i in r.ids]


_PROCESS_CHILD = """
import json, os, sys
from pathlib import Path
from wiredesk.core.ingest import IngestError, parse_file
from wiredesk.core.ingest import ahead as mod
from wiredesk.core.store import content_hash

mod.PROCESS_MIN, mod.CHUNK, mod.WINDOW = 1, 2, 4  # a worker process, several round trips
files = sorted(Path(sys.argv[1]).iterdir())
stamp = lambda p: (os.stat(p).st_size, os.stat(p).st_mtime_ns)
known = {os.path.realpath(files[1]): stamp(files[1])}
out = {"same": [], "skipped": None, "stale": None, "error": None}
with mod.ParseAhead(files, known, 1 << 20, content_hash) as ahead:
    out["process"] = ahead._process is not None
    want = parse_file(files[0])
    out["same"].append(ahead.take(0, *stamp(files[0])) == (want, [content_hash(a) for a in want]))
    out["skipped"] = ahead.take(1, *stamp(files[1])) is None
    size, mtime = stamp(files[2])
    out["stale"] = ahead.take(2, size + 1, mtime) is None
    try:
        ahead.take(3, *stamp(files[3]))
    except IngestError as exc:
        out["error"] = [exc.source, exc.reason]
    for i in range(4, len(files)):
        want = parse_file(files[i])
        out["same"].append(ahead.take(i, *stamp(files[i])) == (want, [content_hash(a) for a in want]))
try:
    parse_file(files[3])
except IngestError as exc:
    out["direct_error"] = [exc.source, exc.reason]
print(json.dumps(out))
"""


def test_a_worker_process_hands_over_the_same_as_the_thread(tmp_path: Path) -> None:
    """Many files in a process with no other thread: parsed in a forked worker, with the
    same results, skips, refusals and errors (run in a fresh process: pytest's may hold
    threads, and then no worker is forked)."""
    import json
    import subprocess
    import sys

    files = _files(tmp_path, 9)
    files[3].write_bytes(b"   \n")
    done = subprocess.run([sys.executable, "-c", _PROCESS_CHILD, str(tmp_path)], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    out = json.loads(done.stdout)
    assert out["process"], "no worker process was used"
    assert out["same"] == [True] * 6 and out["skipped"] and out["stale"]
    assert out["error"] == out["direct_error"] and out["error"][0].endswith("a3.txt")
