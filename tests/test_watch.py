"""``wiredesk watch`` with real file drops, edits and removals, in a real process."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from wiredesk.core.outlets import OutletAliases
from wiredesk.core.service import Wiredesk

BODY = (
    "A port crane collapsed at the northern terminal of Westhaven harbour on Tuesday, injuring four "
    "dock workers and halting cargo operations for the rest of the day, the harbour authority said."
)


# ``python -m wiredesk`` with Ctrl-C taken as KeyboardInterrupt whatever the test run
# inherited: a shell ignores SIGINT for a job started with ``&`` (nohup, CI scripts), Python
# then leaves it ignored, and every ``stop()`` below waited out its deadline (a terminal's
# foreground process, which is what Ctrl-C stands for here, always gets SIGINT).
CTRL_C_ABLE = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('wiredesk', run_name='__main__', alter_sys=True)"
)


class WatchProcess:
    """``wiredesk watch`` in a child process, its stdout lines read as they come."""

    def __init__(self, db: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CTRL_C_ABLE, "--db", str(db), "watch", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, needle: str, timeout: float = 15.0) -> str:
        """The next line containing ``needle`` (lines before it are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no line with {needle!r} within {timeout} s")
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if needle in line:
                return line

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=15)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def test_watch_indexes_drops_edits_and_removals(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "early.txt").write_text(f"Outlet: Bay Courier\n\nCrane falls at Westhaven\n\n{BODY}\n", encoding="utf-8")
    db = tmp_path / "i.sqlite3"
    watch = WatchProcess(db, str(inbox), "--fetch-minutes", "0")
    try:
        first = watch.expect("watching")
        assert "1 new" in first  # what was there before the watch began
        drop = inbox / "harbor.txt"
        partial = inbox / ".harbor.txt.part"  # written elsewhere, then renamed in: how downloads land
        partial.write_text(f"Outlet: Harbor Times\n\nCrane collapses at Westhaven harbour\n\n{BODY}\n",
                           encoding="utf-8")
        partial.rename(drop)
        added = watch.expect("harbor.txt")
        assert added.split(" ", 2)[1:] == ["added", added.split(" ", 2)[2]]
        assert "1 article" in added and "story" in added
        desk = Wiredesk(db, outlet_aliases=OutletAliases())
        assert sorted(a.outlet or "" for a in desk.articles()) == ["Bay Courier", "Harbor Times"]
        assert len(desk.stories()) == 1  # the dropped file joined the story already there

        with drop.open("a", encoding="utf-8") as f:
            f.write("\nHarbour officials said an inquiry into the collapse would open next week.\n")
        assert " updated harbor.txt" in watch.expect("updated")
        (inbox / "notes.json").write_text("{}", encoding="utf-8")  # not an article: ignored
        drop.unlink()
        assert " removed harbor.txt: 1 article forgotten" in watch.expect("removed")
        assert [a.outlet for a in desk.articles()] == ["Bay Courier"]
    finally:
        code = watch.stop()
    assert code == 0
    assert watch.expect("stopped", timeout=5)
    assert "Traceback" not in (watch.proc.stderr.read() if watch.proc.stderr else "")


def test_watch_needs_something_to_watch(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "wiredesk", "--db", str(tmp_path / "i.sqlite3"), "watch"]
    done = subprocess.run(run, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "nothing to watch" in done.stderr
    done = subprocess.run([*run, str(tmp_path / "nope")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "no such file or folder" in done.stderr


def test_watch_fetches_feeds_on_a_timer(tmp_path: Path) -> None:
    from tests.core.feed_server import PROSE, serve

    db = tmp_path / "i.sqlite3"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with serve() as server:
        Wiredesk(db, outlet_aliases=OutletAliases()).add_feed(server.base + "/changing.xml")
        watch = WatchProcess(db, str(inbox), "--fetch-minutes", "0.02")  # every 1.2 s
        try:
            assert "1 new" in watch.expect("changing.xml:")
            server.changing_items = [("c2", "Kellsmouth fire: inquiry opens", PROSE[2])]
            assert "1 new" in watch.expect("changing.xml:")  # the next round, no restart
        finally:
            assert watch.stop() == 0
    assert server.hits["/changing.xml"] >= 2
