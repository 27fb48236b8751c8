"""Leaving the reader never waits for a busy worker: quitting and SIGTERM/SIGHUP end the
process promptly even while a thread worker computes without end."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = r"""
import sys
from pathlib import Path
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp

mode, ready = sys.argv[1], Path(sys.argv[2])

class Busy(WiredeskApp):
    def on_mount(self):
        super().on_mount()
        self.run_worker(self.spin, thread=True, group="busy")
        if mode in ("quit", "control"):
            self.set_timer(0.5, self.exit)

    def spin(self):
        ready.touch()
        while True:  # a worker that never finishes, like facts over a huge hostile article
            sum(range(10_000))

# "control": the same app without the reader's process set-up (Textual's default executor)
app = Busy(Wiredesk(sys.argv[3]), [], handle_signals=mode != "control")
app.run(headless=True)
print("left", flush=True)
"""


def _start(tmp_path: Path, mode: str) -> tuple[subprocess.Popen[str], Path]:
    ready = tmp_path / f"ready-{mode}"
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, mode, str(ready), str(tmp_path / "index.sqlite3")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ready.exists(), proc.communicate(timeout=5)
    return proc, ready


@pytest.mark.parametrize("how", ["quit", "SIGTERM", "SIGHUP"])
def test_the_reader_leaves_while_a_worker_is_busy(tmp_path: Path, how: str) -> None:
    proc, _ = _start(tmp_path, "quit" if how == "quit" else "signal")
    if how != "quit":
        proc.send_signal(getattr(signal, how))
    try:
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    assert "left" in out and proc.returncode == 0, err  # run() returned and the process ended


def test_without_it_the_process_would_hang(tmp_path: Path) -> None:
    """The control: with Textual's default executor the process outlives the app."""
    proc, _ = _start(tmp_path, "control")
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=4)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
