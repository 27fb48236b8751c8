"""The CLI on a real terminal (tmux): a hostile story label in the ``contested`` table cannot
retitle the window, write the clipboard (OSC 52) or clear the screen."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from tmux_driver import TmuxSession

from wiredesk.resources import bundled_dir

EVIL = "Drone strike \x1b]0;HACKED\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b2J\u202e kills three"

pytestmark = [pytest.mark.tmux, pytest.mark.usefixtures("need_tmux")]


def test_contested_table_on_a_tty_is_inert(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for seed in sorted(bundled_dir("seeds").glob("*.txt"))[:3]:
        lines = seed.read_text(encoding="utf-8").split("\n")
        (corpus / seed.name).write_text("\n".join([EVIL, *lines[1:]]), encoding="utf-8")
    record = tmp_path / "bytes"
    go = tmp_path / "go"  # the command starts once the pane's bytes are being recorded
    wait = shlex.quote(f"while [ ! -e {shlex.quote(str(go))} ]; do sleep 0.02; done")
    command = f"sh -c {wait}; {sys.executable} -m wiredesk contested {corpus} --all"
    session = TmuxSession(command, tmp_path, width=160, height=50, env={"WIREDESK_HOME": str(tmp_path / "h")})
    try:
        session._tmux("set-option", "-g", "set-clipboard", "on")  # let OSC 52 reach tmux's buffers
        session._tmux("select-pane", "-t", "main", "-T", "before")
        session.pipe_to(record)
        go.touch()
        assert session.wait_exit(timeout=120) == 0
        screen = session.screen()
        written = record.read_bytes().decode("utf-8")
        assert "HACKED" not in session.pane_value("#{pane_title}")
        assert session._tmux("list-buffers").strip() == ""  # nothing reached the clipboard
        assert "\x1b]" not in written and "\x1b[2J" not in written and "\x9b" not in written
        assert "\u202e" not in written
        assert "␛]0;HACKED␇" in written  # the label is shown, inert, in the table title
        assert "contested" in screen  # the table was drawn, the screen not wiped
    finally:
        session.close()
