"""kill -9 a real ``wiredesk index`` at random moments: the index stays sound and completes.

A few fast trials for CI; ``benchmarks/kill_trials.py`` runs the full series.
"""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pytest


@pytest.mark.parametrize("update", [False, True], ids=["fresh", "update"])
def test_killed_index_runs_leave_a_sound_index_that_completes(
    update: bool, tmp_path: Path, kill_trials: ModuleType, sub_env: dict[str, str]
) -> None:
    folder = tmp_path / "corpus"
    kill_trials.make_corpus(folder, 60, seed=3)
    expected, phases = kill_trials.reference(folder, tmp_path, sub_env)
    assert len(expected) == 60
    base = None
    if update:
        base = tmp_path / "base.sqlite3"
        base.write_bytes((tmp_path / "reference" / "index.sqlite3").read_bytes())
        kill_trials.change_some(folder, random.Random(5))
        expected, phases = kill_trials.reference(folder, tmp_path, sub_env, base=base)
    rng = random.Random(11 if update else 12)
    for n in range(1, 3):
        trial = kill_trials.run_trial(
            n, folder, tmp_path, sub_env, expected, phases, rng, double=n == 2, base=base
        )
        assert trial.passed, trial.line()
        assert trial.integrity.startswith("ok") and trial.opens == "ok" and trial.same_articles


def test_kill_inside_the_write_window_leaves_whole_files_only(
    tmp_path: Path, kill_trials: ModuleType, sub_env: dict[str, str]
) -> None:
    """Kill while files are being stored; every stored file has all its articles and FTS rows."""
    import sqlite3

    folder = tmp_path / "corpus"
    kill_trials.make_corpus(folder, 80, seed=4)
    _, phases = kill_trials.reference(folder, tmp_path, sub_env)
    db = tmp_path / "k" / "index.sqlite3"
    db.parent.mkdir()
    kill_trials.kill_after(kill_trials.index_command(db, folder), (phases.first + phases.last) / 2, sub_env)
    assert kill_trials.integrity(db).startswith("ok")
    if db.exists():
        conn = sqlite3.connect(db)
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'files'").fetchone():
            conn.close()  # killed before the schema was committed: an empty, valid file
            return
        try:
            files = conn.execute("SELECT count(*) FROM files").fetchone()[0]
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            # raises if the full-text index disagrees with the articles table
            conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        finally:
            conn.close()
        assert files == articles  # one article per text file, recorded in the same transaction
