"""The app reads while ``wiredesk index`` runs elsewhere; two indexers run at once.

Real processes, real files: no "database is locked" anywhere, nothing corrupted, the reader
notices the new articles through ``data_version``, and the final index holds exactly the
union of what both indexers were given.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from wiredesk.core.service import Wiredesk

# A stand-in for the app: polls the change counter like the app's timer would, and on a
# change re-reads lists, searches, computes facts (which writes the cache) and marks triage.
READER = r"""
import json, sys, time, traceback
from pathlib import Path
from wiredesk.core.service import Wiredesk

db, stop, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
service = Wiredesk(db)
seen, errors, counts, polls = [], [], [], 0
last = None
while True:
    done = stop.exists()
    try:
        polls += 1
        version = service.data_version()
        if version != last:
            last = version
            seen.append(version)
            articles = service.articles()
            counts.append(len(articles))
            progress = out.with_suffix(".tmp")
            progress.write_text(str(len(articles)))
            progress.replace(out.with_suffix(".count"))  # what the test waits on
            service.search("meeting officials")
            stories = service.stories()
            if stories:  # the smallest story: facts write the cache, like the app does
                service.facts(min(stories, key=lambda s: len(s.articles)).id)
            if articles:
                service.toggle_triage(articles[0].id, "read")
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    if polls == 1:
        out.with_suffix(".ready").touch()  # the test starts the indexers only now
    if done:
        break
    time.sleep(0.05)
out.write_text(json.dumps({"seen": seen, "errors": errors, "counts": counts, "polls": polls}))
"""


def _index_proc(db: Path, folders: list[Path], env: dict[str, str]) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "wiredesk", "--db", str(db), "index", *map(str, folders)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_reader_and_two_indexers_in_separate_processes(
    tmp_path: Path, db_path: Path, kill_trials: ModuleType, sub_env: dict[str, str]
) -> None:
    a, b, shared = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    kill_trials.make_corpus(a, 70, seed=21)
    kill_trials.make_corpus(b, 70, seed=22)
    kill_trials.make_corpus(shared, 30, seed=23)
    # Start from a small existing index so the reader has something open from the start.
    Wiredesk(db_path).index([shared / "article_00000.txt"])
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db_path), str(stop), str(out)],
        env=sub_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    ready = out.with_suffix(".ready")
    deadline = time.monotonic() + 60
    while not ready.exists() and time.monotonic() < deadline and reader.poll() is None:
        time.sleep(0.02)
    assert ready.exists(), "the reader never started"
    w1 = _index_proc(db_path, [a, shared], sub_env)
    w2 = _index_proc(db_path, [shared, b], sub_env)
    results = [w.communicate(timeout=300) for w in (w1, w2)]
    # Wait for the reader's refresh after the last commit (it reports each refresh's count).
    counted = out.with_suffix(".count")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and reader.poll() is None:
        if counted.exists() and counted.read_text() == "170":
            break
        time.sleep(0.02)
    # The reader is still polling: it must hold no read transaction between polls, or a
    # full checkpoint (which waits for every reader) could not complete.
    probe = sqlite3.connect(db_path, timeout=10)
    busy, _log, _done = probe.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    probe.close()
    assert reader.poll() is None, "the reader should still be running"
    assert busy == 0, "a reader held a long read transaction"
    stop.touch()
    _reader_out, reader_err = reader.communicate(timeout=120)
    for w, (_stdout, stderr) in zip((w1, w2), results, strict=True):
        assert w.returncode == 0, stderr
        assert "locked" not in stderr.lower()
    assert reader.returncode == 0, reader_err
    seen = json.loads(out.read_text())
    assert seen["errors"] == []
    assert len(seen["seen"]) >= 2, "the reader should notice the indexers' writes"
    assert seen["counts"][-1] == 170, "the reader's last refresh shows every article"

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 170
        paths = [r[0] for r in conn.execute("SELECT path FROM articles")]
    finally:
        conn.close()
    assert len(set(paths)) == 170  # no file stored twice by the two indexers
    service = Wiredesk(db_path)
    assert not service.index_db.needs_regroup(), "the last writer's grouping covers every article"
    assert sum(len(s.articles) for s in service.stories()) <= 170
    assert service.index_db.fts_consistent()


def test_two_indexers_on_a_fresh_index_at_the_same_moment(
    tmp_path: Path, db_path: Path, kill_trials: ModuleType, sub_env: dict[str, str]
) -> None:
    """Both race to create the schema and switch to WAL on a file that does not exist yet."""
    corpus = tmp_path / "c"
    kill_trials.make_corpus(corpus, 50, seed=31)
    procs = [_index_proc(db_path, [corpus], sub_env) for _ in range(3)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_o, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err.lower() and "damaged" not in err.lower()
    service = Wiredesk(db_path)
    assert service.ensure_open() is None
    assert service.index_db.count() == 50
    assert service.index_db.integrity_problems() == []


def test_one_service_shared_by_a_polling_thread_and_an_indexing_worker(
    tmp_path: Path, db_path: Path, kill_trials: ModuleType
) -> None:
    """The app's own shape: the UI thread polls while a worker thread indexes."""
    import threading

    corpus = tmp_path / "c"
    kill_trials.make_corpus(corpus, 60, seed=41)
    service = Wiredesk(db_path)
    start = service.data_version()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            service.index([corpus])
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            service.close()  # the worker's own connections

    thread = threading.Thread(target=worker)
    thread.start()
    versions, counts = [], []
    while thread.is_alive():
        v = service.data_version()
        if not versions or v != versions[-1]:
            versions.append(v)
            counts.append(len(service.articles()))
        time.sleep(0.01)
    thread.join()
    assert errors == []
    assert service.data_version() > start
    assert len(service.articles()) == 60
    assert counts == sorted(counts), "a refresh never sees articles disappear"
