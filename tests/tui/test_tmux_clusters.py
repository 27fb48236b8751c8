"""End to end in a real terminal (tmux, 80×30): a story whose wire text three more outlets
carried reads as one row with its reprints folded; space shows them, enter reads one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from stories import load, write_files
from tmux_driver import TmuxSession

pytestmark = [pytest.mark.tmux, pytest.mark.usefixtures("need_tmux")]

ROOT = Path(__file__).resolve().parents[2]


def test_a_wire_cluster_folds_opens_and_reads(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    folder = tmp_path / "in"
    write_files("agreement_flood.txt", folder)  # flood-c reprints flood-a
    body = next(a.body for a in load("agreement_flood.txt")[0] if a.id == "flood-a")
    for name, outlet in (("harbor", "Harbor Times"), ("valley", "Valley Post")):
        (folder / f"{name}.txt").write_text(f"Outlet: {outlet}\nDate: 2023-11-16\n\n{body}\n", encoding="utf-8")
    s = TmuxSession(f"{sys.executable} -m wiredesk {folder}", ROOT, env={"WIREDESK_HOME": str(tmp_path / "home")},
                    height=30)
    sessions.append(s)
    screen = s.wait_for(lambda t: "+3 reprints" in t, timeout=60)
    assert "3 independent sources" in screen  # six outlets; the header wraps at 80 columns
    assert "⧉ reprint" not in screen
    s.send("Space")
    screen = s.wait_for(lambda t: t.count("⧉ reprint") == 3)
    assert "▾ 3 reprints" in screen and "└" in screen
    s.send("Right")  # on the open cluster: to its first reprint
    s.send("Enter")
    screen = s.wait_for(lambda t: "─ Article ─" in t and "Ostra river" in t)
    s.send("1")
    screen = s.wait_for(lambda t: "▾ 3 reprints" in t)
    assert any("▶" in line and ("├" in line or "└" in line) for line in screen.splitlines())
    s.send("Left")
    s.wait_for(lambda t: "+3 reprints" in t and "⧉ reprint" not in t)
    s.send("q")
    assert s.wait_exit(timeout=60) == 0
