"""Shared plumbing for the benchmark scripts: child processes with their own peak memory,
and one way of printing a figure against its target.

Each measured stage runs in a fresh Python process so its peak memory (``ru_maxrss`` from
``wait4``) is that stage's alone and no import or cache from an earlier stage helps it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any


@dataclass
class ChildResult:
    """What a stage's child process reported, plus what the OS says it cost."""

    data: dict[str, Any]
    wall: float
    """Seconds from spawn to exit, interpreter start-up included."""
    cpu: float
    """User plus system CPU seconds of the child."""
    peak_mb: float
    """Peak resident memory of the child (MiB)."""
    stderr: str = ""


def run_child(argv: list[str], env: dict[str, str] | None = None, expect_json: bool = True) -> ChildResult:
    """Run ``argv``, parse its stdout as JSON (the last line) and measure it with ``wait4``."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(err.decode(errors="replace")[-3000:])
        raise SystemExit(f"benchmark stage failed ({proc.returncode}): {' '.join(argv[:6])}")
    data: dict[str, Any] = {}
    if expect_json:
        lines = out.decode().strip().splitlines()
        data = json.loads(lines[-1]) if lines else {}
    else:
        data = {"stdout": out}
    return ChildResult(data, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                       err.decode(errors="replace"))


def python_child(code: str, args: dict[str, Any], env: dict[str, str] | None = None) -> ChildResult:
    """Run a snippet of Python in a child; it reads ``ARGS`` and prints one JSON line."""
    prelude = "import json, sys\nARGS = json.loads(sys.argv[1])\n"
    return run_child([sys.executable, "-c", prelude + code, json.dumps(args)], env)


def child_env(home: str) -> dict[str, str]:
    """The environment for children: a throwaway ``WIREDESK_HOME``, nothing written to ~."""
    env = dict(os.environ)
    env["WIREDESK_HOME"] = home
    return env


class Report:
    """Prints figures as aligned rows, each with its target and PASS/MISS."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.misses: list[str] = []
        print(f"\n{title}")
        load = os.getloadavg()[0]
        cores = os.cpu_count() or 1
        note = "  (machine busy: wall times are inflated; CPU times are the fairer figure)" if load > cores else ""
        print(f"  machine: {cores} cores, load average {load:.1f}{note}")

    def info(self, label: str, value: str) -> None:
        print(f"  {label:<44} {value}")

    def figure(self, label: str, value: float, unit: str, target: float, *, higher_is_better: bool,
               extra: str = "") -> bool:
        ok = value >= target if higher_is_better else value <= target
        sign = ">=" if higher_is_better else "<="
        verdict = "PASS" if ok else "MISS"
        if not ok:
            self.misses.append(label)
        print(f"  {label:<44} {value:>10.2f} {unit:<12} target {sign} {target:g} {unit:<6} {verdict}"
              + (f"  {extra}" if extra else ""))
        return ok

    def done(self) -> int:
        print(f"  {'all targets met' if not self.misses else 'missed: ' + ', '.join(self.misses)}")
        return 0
