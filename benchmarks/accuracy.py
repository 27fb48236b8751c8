"""Accuracy benchmark: the engine against a careful editor, on real coverage and on the seeds.

    python benchmarks/accuracy.py                 # ../shared/eval beside the checkout
    python benchmarks/accuracy.py --eval DIR      # another eval folder (real/ and score*.py in it)
    python benchmarks/accuracy.py -v              # every contest, found or missed

It runs the evaluation's own scorers on the installed ``wiredesk``: ``score_all.py`` over every
bundle under ``real/`` (per-story rows, then recall over required contests, precision over
reported contests, and contests reported in the agreement stories), and ``score.py`` on
``wiredesk contested seeds --json``. Targets (issue 8): real recall ≥ 0.85, precision ≥ 0.85,
no contest in an agreement story; seeds recall 1.0, precision ≥ 0.9.

The evaluation data is third-party text kept outside the repository; when it is absent this
script says so and exits 0 (a user's clone has none).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"recall": 0.85, "precision": 0.85, "agreement": 0, "seeds_recall": 1.0, "seeds_precision": 0.9}


def _wiredesk() -> list[str]:
    """The ``wiredesk`` next to this Python (a venv's), else the module."""
    exe = Path(sys.executable).with_name("wiredesk")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "wiredesk"]


def _real(eval_dir: Path, verbose: bool) -> dict[str, float] | None:
    real = eval_dir / "real"
    if not (real.is_dir() and (eval_dir / "score_all.py").exists()):
        print(f"accuracy: no real-story bundles at {real} (the evaluation set is not in this checkout)")
        return None
    cmd = [sys.executable, str(eval_dir / "score_all.py"), str(real), "--wiredesk", " ".join(_wiredesk())]
    if verbose:
        cmd.append("-v")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    print(out.stdout.rstrip())
    if out.returncode:
        print(f"accuracy: score_all failed: {out.stderr.strip()[-400:]}")
        return None
    last = out.stdout.strip().splitlines()[-1]
    m = re.search(r"recall ([\d.]+) precision ([\d.]+) agreement-contests (\d+)", last)
    if m is None:
        return None
    return {"recall": float(m.group(1)), "precision": float(m.group(2)), "agreement": int(m.group(3))}


def _seeds(eval_dir: Path) -> dict[str, float] | None:
    gold = eval_dir / "seeds.gold.json"
    if not (gold.exists() and (eval_dir / "score.py").exists()):
        print(f"accuracy: no seeds gold file at {gold}")
        return None
    home = tempfile.mkdtemp(prefix="wiredesk-accuracy-")
    try:
        env = dict(os.environ, WIREDESK_HOME=home)
        got = subprocess.run([*_wiredesk(), "contested", str(ROOT / "seeds"), "--json"],
                             capture_output=True, text=True, env=env, timeout=600)
        if got.returncode:
            print(f"accuracy: wiredesk contested seeds failed: {got.stderr.strip()[-400:]}")
            return None
        out = Path(home) / "seeds.json"
        out.write_text(got.stdout, encoding="utf-8")
        score = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(out), "--quiet"],
                               capture_output=True, text=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    last = score.stdout.strip().splitlines()[-1]
    print(f"seeds      {last}")
    m = re.search(r"recall ([\d.]+) precision ([\d.]+)", last)
    return {"seeds_recall": float(m.group(1)), "seeds_precision": float(m.group(2))} if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval",
                    help="folder holding real/, score.py, score_all.py and seeds.gold.json")
    ap.add_argument("-v", "--verbose", action="store_true", help="every contest, found or missed")
    args = ap.parse_args()
    if not args.eval.is_dir():
        print(f"accuracy: no evaluation folder at {args.eval}; nothing to measure")
        return 0
    figures: dict[str, float] = {}
    figures.update(_real(args.eval, args.verbose) or {})
    figures.update(_seeds(args.eval) or {})
    if not figures:
        return 0
    print()
    print(f"{'figure':22} {'measured':>9} {'target':>9}")
    for key, target in TARGETS.items():
        if key not in figures:
            continue
        got = figures[key]
        ok = got <= target if key == "agreement" else got >= target
        want = ("≤ " if key == "agreement" else "≥ ") + str(target)
        print(f"{key:22} {got:9.2f} {want:>9}  {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
