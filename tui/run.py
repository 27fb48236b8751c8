"""Run the app as a process: exit codes, signals and the crash log.

A crash must leave a usable terminal, a non-zero exit code, one short line on stderr and
the full traceback in a log file (never a screenful of locals in the user's face).
"""

from __future__ import annotations

import gc
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ..core import paths as wd_paths
from ..core.service import Wiredesk


class _LazyLog:
    """A file-like object that creates the log file only if something is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def write(self, text: str) -> int:
        if self._file is None:
            wd_paths.ensure(self.path.parent)
            self._file = self.path.open("a", encoding="utf-8")
        return self._file.write(text)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def isatty(self) -> bool:
        return False

    @property
    def written(self) -> bool:
        return self._file is not None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def crash_log_path() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return wd_paths.log_dir() / f"crash-{stamp}.log"


def run_reader(service: Wiredesk, paths: list[str]) -> int:
    # Start-up allocates many long-lived objects (modules, classes, styles, widgets) and the
    # cyclic collector kept rescanning them: ~10% of the CPU time to the first paint. The
    # app turns it back on, with those objects frozen, once the first screen is painted.
    gc.disable()
    from rich.console import Console

    log = _LazyLog(crash_log_path())
    try:
        from .app import WiredeskApp
        from .preload import EarlyRead

        # The first screen's data is read while the app object is made and Textual starts.
        app = WiredeskApp(service, paths, handle_signals=True, gc_paused=True, early_read=EarlyRead(service))
        # Textual prints the traceback of an unhandled error to error_console after leaving
        # the alternate screen; send it to the log instead.
        app.error_console = Console(file=log, width=120, color_system=None, force_terminal=False)  # type: ignore[arg-type]
        result = app.run()
        code = app.return_code if app.return_code is not None else 0
        if isinstance(result, int) and code == 0:
            code = result
    except KeyboardInterrupt:
        code = 130
    except Exception:
        log.write(traceback.format_exc())
        code = 1
    finally:
        gc.enable()
        log.close()
    if log.written:
        print(f"wiredesk: the reader stopped on an internal error; details in {log.path}", file=sys.stderr)
        code = code or 1
    return code
