"""``wiredesk watch`` in one process, the reader open on the same index in a real terminal:
a dropped file shows up in the reader by itself (no key press), marked new."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from tmux_driver import TmuxSession
from wiredesk.core.outlets import OutletAliases
from wiredesk.core.service import Wiredesk

from tests.test_watch import BODY, WatchProcess

pytestmark = [pytest.mark.tmux, pytest.mark.usefixtures("need_tmux")]
ROOT = Path(__file__).resolve().parents[2]





def test_open_reader_shows_a_dropped_file_as_new(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "early.txt").write_text(f"Outlet: Bay Courier\n\nCrane falls at Westhaven\n\n{BODY}\n", encoding="utf-8")
    db = tmp_path / "i.sqlite3"
    Wiredesk(db, outlet_aliases=OutletAliases()).index([inbox])
    reader = TmuxSession(f"{sys.executable} -m wiredesk --db {db}", ROOT, width=160, height=40,
                         env={"WIREDESK_HOME": str(tmp_path / "home")})
    sessions.append(reader)
    reader.wait_for(lambda t: "Bay Courier" in t, timeout=60)
    watch = WatchProcess(db, str(inbox), "--fetch-minutes", "0")
    try:
        watch.expect("watching")
        (inbox / "harbor.txt").write_text(
            "Outlet: Harbor Times\n\nCrane collapses at Westhaven harbour\n\n"
            "Four dock workers were hurt on Tuesday when a crane gave way at the northern terminal of "
            "Westhaven harbour, and cargo handling stopped for the day, the harbour authority said.\n",
            encoding="utf-8")
        watch.expect("added harbor.txt")
        indexed = time.monotonic()
        def arrived_marked_new(screen: str) -> bool:
            return any("new Harbor Times" in " ".join(line.split()) for line in screen.splitlines())

        reader.wait_for(arrived_marked_new, timeout=30)  # no key was pressed in the reader (latency: benchmarks)
        print(f"reader showed the new article {time.monotonic() - indexed:.2f} s after it was indexed")
    finally:
        watch.stop()
    reader.send("q")
    assert reader.wait_exit() == 0


def test_reader_with_watch_picks_up_a_dropped_file(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    """``wiredesk --watch PATH``: one terminal, the watcher runs inside the reader's process."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "early.txt").write_text(f"Outlet: Bay Courier\n\nCrane falls at Westhaven\n\n{BODY}\n", encoding="utf-8")
    home = tmp_path / "home"
    reader = TmuxSession(f"{sys.executable} -m wiredesk --db {tmp_path / 'i.sqlite3'} --watch {inbox}", ROOT,
                         width=160, height=40, env={"WIREDESK_HOME": str(home)})
    sessions.append(reader)
    reader.wait_for(lambda t: "Bay Courier" in t, timeout=60)
    log = home / "data" / "logs" / "watch.log"
    # The watch thread logs "watching" once its notifications are set up: a file dropped
    # before that could be missed, so wait for the line rather than for some time.
    deadline = time.monotonic() + 30
    while not (log.exists() and "watching" in log.read_text(encoding="utf-8")):
        assert time.monotonic() < deadline, "the reader's watcher never started"
        time.sleep(0.02)
    (inbox / "harbor.txt").write_text(
        "Outlet: Harbor Times\n\nCrane collapses at Westhaven harbour\n\n"
        "Four dock workers were hurt on Tuesday when a crane gave way at the northern terminal of "
        "Westhaven harbour, and cargo handling stopped for the day, the harbour authority said.\n",
        encoding="utf-8")
    reader.wait_for(lambda t: any("new Harbor Times" in " ".join(line.split()) for line in t.splitlines()),
                    timeout=15)
    reader.send("q")
    assert reader.wait_exit() == 0
    assert "added harbor.txt" in log.read_text(encoding="utf-8")
