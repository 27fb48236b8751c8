"""Watching folders (and feeds) and indexing what arrives, for ``wiredesk watch``.

File events come from watchfiles (the operating system's notifications through a small Rust
library; no polling loop of ours): a file that appears or changes is indexed, a file that
disappears is forgotten, each as one line. Events are debounced briefly so a file written in
several chunks is read once, when complete (ingest also re-reads a file that changed while
it was read). Feeds, if any are followed, are fetched every ``fetch_minutes``.

A reader open on the same index notices the writes by itself (it polls the index's data
version every second) and marks the arrivals as new.
"""

from __future__ import annotations

import os
import threading
import time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .ingest.walk import SKIP_DIRS, _skipped
from .service import Wiredesk

DEBOUNCE_MS = 300
"""Events closer together than this are handled as one batch."""
DEFAULT_FETCH_MINUTES = 15.0


@dataclass
class WatchConfig:
    """``[watch]`` in config.toml: ``fetch_minutes`` (0 turns periodic fetching off) and
    ``paths``, the folders watched when none are given on the command line."""

    fetch_minutes: float = DEFAULT_FETCH_MINUTES
    paths: tuple[str, ...] = ()
    error: str | None = None


def load_watch_config(path: Path) -> WatchConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return WatchConfig()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return WatchConfig(error=f"config.toml: {exc}; watching with the defaults")
    table = data.get("watch", {})
    minutes, paths = table.get("fetch_minutes", DEFAULT_FETCH_MINUTES), table.get("paths", [])
    if not isinstance(minutes, int | float) or isinstance(minutes, bool) or minutes < 0:
        return WatchConfig(error="config.toml: watch.fetch_minutes must be a number of minutes (0: never)")
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        return WatchConfig(error="config.toml: watch.paths must be a list of folders")
    return WatchConfig(float(minutes), tuple(paths))


def _wanted(path: str) -> bool:
    """Files a folder walk would index: no hidden files, editor leftovers, code or images."""
    parts = Path(path).parts
    if any(p in SKIP_DIRS or (p.startswith(".") and p not in (".", "..")) for p in parts[:-1]):
        return False
    return not _skipped(parts[-1], False) if parts else False


class Watcher:
    """Index files as they appear, change or go, and fetch feeds on a timer.

    ``say`` receives one line per change (the CLI prints it; ``--watch`` in the reader
    shows it as a notification). ``stop`` ends ``run`` from another thread.
    """

    def __init__(
        self, service: Wiredesk, paths: Iterable[str | Path], say: Callable[[str], None], *,
        fetch_minutes: float = DEFAULT_FETCH_MINUTES, debounce_ms: int = DEBOUNCE_MS, scan: bool = True,
    ) -> None:
        self.service = service
        self.paths = [Path(p).resolve() for p in paths]
        self.say = say
        self.fetch_seconds = fetch_minutes * 60.0
        self.debounce_ms = debounce_ms
        self.stop_event = threading.Event()
        self.scan = scan
        """Index what is already in the folders first (the reader does that itself)."""
        self._next_fetch = 0.0

    def stop(self) -> None:
        self.stop_event.set()

    def initial_scan(self) -> None:
        """Index what is already there (files dropped while nobody watched), in one line."""
        if not self.paths:
            return
        report = self.service.index(self.paths)
        for err in report.errors:
            self.say(f"failed {err.source}: {err.reason}")
        self.say(f"watching {', '.join(str(p) for p in self.paths)}: {report.added} new, "
                 f"{report.updated} updated, {report.unchanged} unchanged")

    def run(self) -> None:
        """Watch until ``stop()`` (or Ctrl-C, which the caller catches)."""
        from watchfiles import Change, watch

        if not self.paths:
            self._maybe_fetch()
            while not self.stop_event.wait(1.0):
                self._maybe_fetch()
            return
        started = False
        for changes in watch(
            *self.paths, debounce=self.debounce_ms, step=50, stop_event=self.stop_event, rust_timeout=500,
            yield_on_timeout=True, watch_filter=lambda change, path: _wanted(path),
        ):
            if not started:
                # The first yield comes once the notifications are set up: scanning only
                # now means no file can slip in between the scan and the watch.
                started = True
                if self.scan:
                    self.initial_scan()
                else:  # say so anyway: from this line on, no dropped file is missed
                    self.say(f"watching {', '.join(str(p) for p in self.paths)}")
            gone = sorted({p for c, p in changes if c == Change.deleted and not os.path.exists(p)})
            present = sorted({p for c, p in changes if os.path.isfile(p)})
            for path in gone:
                self._forget(path)
            for path in present:
                self._index(path)
            self._maybe_fetch()

    def _index(self, path: str) -> None:
        report = self.service.index([path])
        name = Path(path).name
        if report.errors:
            for err in report.errors:
                self.say(f"failed {name}: {err.reason}")
        elif report.added:
            self.say(f"added {name}: {self._describe(report.ids)}")
        elif report.updated or report.moved:
            self.say(f"updated {name}: {self._describe(report.ids)}")

    def _describe(self, ids: list[str]) -> str:
        """``1 article, story "…"``: where the file's articles went."""
        stories = []
        for article_id in ids[:3]:
            try:
                article = self.service.article(article_id)
            except LookupError:
                continue
            if article.story and article.story not in stories:
                stories.append(article.story)
        labels = {s.id: s.label for s in self.service.stories() if s.id in stories} if stories else {}
        where = "; ".join(f"story {labels.get(s, s)[:60]!r}" for s in stories)
        count = f"{len(ids)} article{'s' if len(ids) != 1 else ''}"
        return f"{count}, {where}" if where else count

    def _forget(self, path: str) -> None:
        gone = self.service.forget(path)
        if gone:
            self.say(f"removed {Path(path).name}: {gone} article{'s' if gone != 1 else ''} forgotten")

    def _maybe_fetch(self) -> None:
        if self.fetch_seconds <= 0 or time.monotonic() < self._next_fetch:
            return
        self._next_fetch = time.monotonic() + self.fetch_seconds
        if not self.service.feeds():
            return
        for outcome in self.service.fetch(progress=None):
            if outcome.status in ("ok", "error") and (outcome.added or outcome.updated or outcome.error):
                self.say(outcome.line())
