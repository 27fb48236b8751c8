"""Drive a real terminal: run a command in a private tmux server at a fixed size, send keys,
read the screen, and inspect the terminal's modes after the program exits.

Used by the end-to-end tests and by ``benchmarks/startup.py``. Each ``TmuxSession`` runs
its own server (``-L``) with no user config, so a developer's tmux setup cannot interfere.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxSession:
    """One program in one tmux pane. ``exit_file`` receives ``EXIT:<code>`` when it ends."""

    def __init__(self, command: str, workdir: Path, *, width: int = 80, height: int = 24,
                 env: dict[str, str] | None = None, stderr_file: Path | None = None) -> None:
        self.socket = f"wdtest-{uuid.uuid4().hex[:10]}"
        self.workdir = workdir
        # Outside the workdir: the program may run in the repository, which must stay clean.
        self.exit_file = Path(tempfile.mkdtemp(prefix="wdtest-")) / "exit"
        # COLUMNS/LINES (set by some runners, e.g. pytest-xdist workers) would pin the app to 80x24.
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("NO_COLOR", "TEXTUAL_THEME", "TMUX", "COLUMNS", "LINES")}
        self.env.update(env or {})
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        unset = "unset NO_COLOR TEXTUAL_THEME TEXTUAL_COLOR_SYSTEM COLUMNS LINES;"
        redirect = f" 2> {shlex.quote(str(stderr_file))}" if stderr_file else ""
        shell = (f"{unset} cd {shlex.quote(str(workdir))} && {exports} {command}{redirect}; "
                 f"echo EXIT:$? > {shlex.quote(str(self.exit_file))}; sleep 30")
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", "main", shell)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True, env=self.env, timeout=20, check=False,
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main")

    def wait_for(self, predicate, timeout: float = 20.0, interval: float = 0.02) -> str:
        """Poll the screen until ``predicate(text)`` holds; raise with the last screen if not."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(interval)
        raise AssertionError(f"screen never matched; last screen:\n{text}")

    def send(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "main", key)

    def send_literal(self, text: str) -> None:
        self._tmux("send-keys", "-t", "main", "-l", text)

    def pane_value(self, fmt: str) -> str:
        return self._tmux("display-message", "-p", "-t", "main", fmt).strip()

    def program_pid(self) -> int | None:
        """The pid of the program the pane's shell is running (its child)."""
        shell = self.pane_value("#{pane_pid}")
        try:
            children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        except OSError:
            return None
        return int(children[0]) if children else None

    def wait_exit(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists():
                text = self.exit_file.read_text().strip()
                if text.startswith("EXIT:"):
                    return int(text[5:])
            time.sleep(0.05)
        raise AssertionError(f"program did not exit; last screen:\n{self.screen()}")

    def pipe_to(self, path: Path) -> None:
        """Record every byte the program writes to the terminal into ``path``."""
        self._tmux("pipe-pane", "-t", "main", "-o", f"cat >> {shlex.quote(str(path))}")

    def close(self) -> None:
        self._tmux("kill-server")
