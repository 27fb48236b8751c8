"""Kill a real ``wiredesk index`` with SIGKILL at random moments and check nothing is lost.

Each trial indexes a synthetic corpus into a fresh index in a subprocess, kills it with
``kill -9`` after a random delay (somewhere between interpreter start-up and the end of an
uninterrupted run, so every phase gets hit: schema creation, per-file transactions, story
grouping, the final WAL writes), then checks that the file

1. opens as plain SQLite and passes ``PRAGMA integrity_check`` (no recovery needed),
2. opens as a wiredesk index without being treated as damaged,
3. and that the next ``wiredesk index`` run finishes with exactly the articles (paths and
   content hashes) an uninterrupted run produces, and leaves no stale story grouping.

Some trials kill the second run too (``--double``), so recovery-from-a-killed-recovery is
covered. Usage::

    python benchmarks/kill_trials.py [--trials 20] [--articles 800] [--seed 1]

Exit code 0 when every trial passed. ``tests/robustness/test_kill.py`` imports the helpers
below to run a few trials in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

_WORDS = ["river", "council", "harbor", "valley", "station", "market", "bridge", "school", "plant", "court"]
_PLACES = ["Northbury", "Eastfield", "Westmoor", "Southgate", "Lakeview", "Hillcrest", "Riverton"]


def seed_sentences() -> list[str]:
    """Sentences from the bundled seed articles: realistic length, punctuation and quotes."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in text.split("\n"):
            out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", para) if len(s.strip()) > 40)
    return out


def make_corpus(folder: Path, n: int, *, seed: int = 0) -> list[Path]:
    """Write ``n`` distinct plain-text articles (title, date, dateline, paragraphs) to ``folder``."""
    rng = random.Random(seed)
    sentences = seed_sentences() or ["A plain sentence about an ordinary event in a town."]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        topic = rng.choice(_WORDS)
        place = rng.choice(_PLACES)
        paras = []
        for _ in range(rng.randint(4, 9)):
            paras.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3))))
        paras.insert(1, f"Officials said {rng.randint(2, 400)} people attended the {topic} meeting in {place}.")
        text = (
            f"{place} {topic} report number {i}\n\n"
            f"March {rng.randint(1, 28)}, 2024\n\n"
            f"{place.upper()} —\n\n" + "\n\n".join(paras) + "\n"
        )
        path = folder / f"article_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def change_some(folder: Path, rng: random.Random, share: float = 0.33) -> int:
    """Rewrite a share of the corpus files (new closing paragraph); return how many."""
    files = sorted(folder.iterdir())
    picked = rng.sample(files, max(1, int(len(files) * share)))
    for path in picked:
        path.write_text(
            path.read_text(encoding="utf-8") + f"\nUpdated: {rng.randint(2, 90)} more details emerged.\n",
            encoding="utf-8",
        )
    return len(picked)


def index_command(db: Path, folder: Path) -> list[str]:
    """The real CLI, as a user would run it."""
    return [sys.executable, "-m", "wiredesk", "--db", str(db), "index", str(folder)]


def run_index(db: Path, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(index_command(db, folder), env=env, capture_output=True, text=True, timeout=600)


def snapshot(db: Path) -> set[tuple[str, str]]:
    """(path, content_hash) of every article: what "the same result" means."""
    conn = sqlite3.connect(db)
    try:
        return {(r[0], r[1]) for r in conn.execute("SELECT path, content_hash FROM articles")}
    finally:
        conn.close()


def integrity(db: Path) -> str:
    """``PRAGMA integrity_check`` on the raw file, before wiredesk gets a chance to repair it."""
    if not db.exists():
        return "ok (no file yet)"
    conn = sqlite3.connect(db, timeout=30)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return f"error: {exc}"
    finally:
        conn.close()
    return "ok" if rows == ["ok"] else "; ".join(rows[:3])


def opens_as_index(db: Path) -> str:
    """Open with wiredesk's Index (not the service, which would silently recover)."""
    from wiredesk.core.store import Index, IndexCorrupt

    try:
        idx = Index(db)
    except IndexCorrupt as exc:
        return f"corrupt: {exc}"
    try:
        return "ok" if not idx.integrity_problems() else "integrity problems"
    finally:
        idx.close()


def kill_after(cmd: list[str], delay: float, env: dict[str, str]) -> bool:
    """Start ``cmd``, SIGKILL it after ``delay`` seconds; True if it was still running."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


@dataclass
class Trial:
    number: int
    delays: list[float]
    killed: list[bool]
    integrity: str
    opens: str
    before_kill_articles: int
    finished: bool
    same_articles: bool
    stale_grouping: bool
    recovered: bool

    @property
    def passed(self) -> bool:
        return (
            self.integrity.startswith("ok")
            and self.opens == "ok"
            and self.finished
            and self.same_articles
            and not self.stale_grouping
            and not self.recovered
        )

    def line(self) -> str:
        kills = ", ".join(
            f"{d:.2f}s{'' if k else ' (finished first)'}" for d, k in zip(self.delays, self.killed, strict=True)
        )
        return (
            f"trial {self.number:2d}: kill at {kills}; {self.before_kill_articles} final articles at kill; "
            f"integrity {self.integrity}; opens {self.opens}; "
            f"rerun {'finished' if self.finished else 'FAILED'}, "
            f"{'same articles' if self.same_articles else 'DIFFERENT articles'}"
            f"{', STALE grouping' if self.stale_grouping else ''}"
            f"{', index was RECOVERED (should not be needed)' if self.recovered else ''}"
            f" -> {'PASS' if self.passed else 'FAIL'}"
        )


@dataclass
class Phases:
    """When an uninterrupted run stores its first and last article, and when it ends."""

    first: float
    last: float
    end: float

    def pick(self, rng: random.Random) -> float:
        """A kill moment: half inside the per-file writes, the rest before and after them
        (start-up and schema creation; story grouping and the final commits)."""
        r = rng.random()
        if r < 0.5 and self.last > self.first:
            return rng.uniform(self.first, self.last)
        if r < 0.75:
            return rng.uniform(0.05, max(self.first, 0.06))
        return rng.uniform(self.last, self.end * 1.05)


def _generation(db: Path) -> int:
    """The index's article-change counter (moves once per stored file), 0 when unreadable."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, TypeError):
        return 0


def reference(
    folder: Path, work: Path, env: dict[str, str], *, base: Path | None = None
) -> tuple[set[tuple[str, str]], Phases]:
    """An uninterrupted run (on a copy of ``base`` if given): the articles every trial must
    end with, and its phases, measured by polling the change counter from another process."""
    db = work / "reference" / "index.sqlite3"
    if db.parent.exists():
        shutil.rmtree(db.parent)
    db.parent.mkdir(parents=True)
    if base is not None:
        shutil.copy(base, db)
    initial = _generation(db) if db.exists() else 0
    timeline: list[tuple[float, int]] = []
    start = time.perf_counter()
    proc = subprocess.Popen(index_command(db, folder), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None:
        timeline.append((time.perf_counter() - start, _generation(db) if db.exists() else 0))
        time.sleep(0.005)
    end = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"reference run failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    final = _generation(db)
    first = next((t for t, g in timeline if g > initial), end * 0.3)
    last = next((t for t, g in timeline if g >= final), end * 0.6)
    return snapshot(db), Phases(first, max(last, first), end)


def run_trial(
    number: int, folder: Path, work: Path, env: dict[str, str], expected: set[tuple[str, str]],
    phases: Phases, rng: random.Random, *, double: bool = False, base: Path | None = None,
) -> Trial:
    """One kill (two with ``double``), then checks, then a run to completion.

    With ``base`` the trial starts from a copy of that index (an update run) instead of
    from nothing.
    """
    db = work / f"trial{number}" / "index.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    if base is not None:
        shutil.copy(base, db)
    delays, killed = [], []
    for _ in range(2 if double else 1):
        delay = phases.pick(rng)
        delays.append(delay)
        killed.append(kill_after(index_command(db, folder), delay, env))
    state = integrity(db)
    opens = opens_as_index(db) if db.exists() else "ok"
    try:
        at_kill = len(snapshot(db) & expected) if db.exists() else 0  # final articles already there
    except sqlite3.DatabaseError:
        at_kill = -1
    result = run_index(db, folder, env)
    recovered = "damaged" in result.stderr or "corrupt-" in " ".join(os.listdir(db.parent))
    same = result.returncode == 0 and snapshot(db) == expected
    from wiredesk.core.store import Index

    with Index(db) as idx:
        stale = idx.needs_regroup()
    return Trial(number, delays, killed, state, opens, at_kill, result.returncode == 0, same, stale, recovered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--double", type=float, default=0.25, help="share of trials that kill twice")
    parser.add_argument(
        "--no-update", dest="update", action="store_false",
        help="only fresh-index trials (by default half the trials kill a re-index of changed files)",
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="wiredesk-kill-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "WIREDESK_HOME": str(work / "home")}
        folder = work / "corpus"
        make_corpus(folder, args.articles, seed=args.seed)
        expected, phases = reference(folder, work, env)
        print(
            f"corpus: {args.articles} files; uninterrupted run: {len(expected)} articles, first stored "
            f"at {phases.first:.2f}s, last at {phases.last:.2f}s, done at {phases.end:.2f}s"
        )
        trials = []
        half = args.trials // 2 if args.update else args.trials
        for n in range(1, half + 1):
            trial = run_trial(n, folder, work, env, expected, phases, rng, double=rng.random() < args.double)
            trials.append(trial)
            print(trial.line(), flush=True)
        if args.update:
            # Update runs: a full index exists, a third of the files changed, kill the re-index.
            base = work / "base.sqlite3"
            shutil.copy(work / "reference" / "index.sqlite3", base)
            changed = change_some(folder, rng)
            expected, phases = reference(folder, work, env, base=base)
            print(
                f"update runs: {changed} files changed; re-index stores first change at "
                f"{phases.first:.2f}s, done at {phases.end:.2f}s"
            )
            for n in range(half + 1, args.trials + 1):
                trial = run_trial(
                    n, folder, work, env, expected, phases, rng,
                    double=rng.random() < args.double, base=base,
                )
                trials.append(trial)
                print(trial.line(), flush=True)
        killed = sum(any(t.killed) for t in trials)
        passed = sum(t.passed for t in trials)
        print(
            f"summary: {passed}/{len(trials)} passed; {killed} runs killed mid-way; "
            f"integrity ok {sum(t.integrity.startswith('ok') for t in trials)}/{len(trials)}; "
            f"recoveries needed {sum(t.recovered for t in trials)}; "
            f"same articles after rerun {sum(t.same_articles for t in trials)}/{len(trials)}"
        )
    return 0 if passed == len(trials) else 1


if __name__ == "__main__":
    raise SystemExit(main())
