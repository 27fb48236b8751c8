"""End to end in a real terminal (tmux, 80×24): ``wiredesk seeds``, keys, screen, exit code;
signals and crashes leave the terminal usable; hostile text cannot retitle or wipe it.

In CI (``CI`` set) a missing tmux is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import pytest
from tmux_driver import TmuxSession

pytestmark = [pytest.mark.tmux, pytest.mark.usefixtures("need_tmux")]

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable





def restored(session: TmuxSession) -> None:
    """After exit: normal screen, cursor shown, no mouse reporting."""
    assert session.pane_value("#{alternate_on}") == "0"
    assert session.pane_value("#{cursor_flag}") == "1"
    assert session.pane_value("#{mouse_any_flag}") == "0"
    assert session.pane_value("#{mouse_all_flag}") == "0"


def start(sessions: list[TmuxSession], command: str, tmp_path: Path, **kwargs) -> TmuxSession:
    env = {"WIREDESK_HOME": str(tmp_path / "home")}
    session = TmuxSession(command, kwargs.pop("workdir", ROOT), env=env, **kwargs)
    sessions.append(session)
    return session


def test_wiredesk_seeds_end_to_end(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    """80x24: open, the facts, walk a fact with ] and read the dispute card, help, quit."""
    s = start(sessions, f"{PY} -m wiredesk seeds", tmp_path)
    screen = s.wait_for(lambda t: "Sources" in t and "claims" in t, timeout=60)
    assert "1 Sources" in screen and "3 Facts" in screen  # narrow: the other views are named
    s.send("c")
    screen = s.wait_for(lambda t: "Facts ·" in t and "◆" in t)
    assert "contested" in screen
    s.send("Enter")
    first = s.wait_for(lambda t: "─ Article ─" in t and "◆" in t and "(1/" in t)
    # Walking the fact: the dispute card stays above the article and says where you are.
    s.send("]")
    walked = s.wait_for(lambda t: "─ Article ─" in t and "(2/" in t and t != first)
    card = walked.split("─ Article ─", 1)[1]
    assert "] next  [ prev" in card and " says " in card
    assert "cannot both be" in card or "may be" in card or "changed between" in card  # the kind in words
    assert "▌" in walked  # the landed sentence carries the gutter mark
    s.send("?")
    s.wait_for(lambda t: "Legend" in t and "unread" in t)
    s.send("Escape")
    s.wait_for(lambda t: "Legend" not in t and "─ Article ─" in t)
    s.send("1")
    s.wait_for(lambda t: "▾" in t)
    s.send("q")
    assert s.wait_exit(timeout=60) == 0
    restored(s)


def test_verdict_survives_quit_and_restart(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    """Walk to the first open fact, record a verdict with a note, quit; the next run shows it."""
    s = start(sessions, f"{PY} -m wiredesk seeds", tmp_path)
    s.wait_for(lambda t: "Sources" in t and "claims" in t, timeout=60)
    s.send("3")
    s.wait_for(lambda t: "Facts ·" in t and "◆" in t)
    s.send("u")  # the first open contested fact: the reader shows its first outlet's sentence
    s.wait_for(lambda t: "─ Article ─" in t and "] next" in t)
    s.send("v")
    s.wait_for(lambda t: "Verdict ·" in t and "confirmed:" in t)
    s.send_literal("rang the desk")
    s.send("Enter")
    s.wait_for(lambda t: "enter: record this verdict" in t)
    s.send("Enter")  # confirm the first value
    s.wait_for(lambda t: "Verdict: confirmed" in t and "Verdict ·" not in t)
    s.send("3")
    s.wait_for(lambda t: "✓ confirmed" in t and "rang the desk" in t)
    s.send("q")
    assert s.wait_exit(timeout=60) == 0
    restored(s)
    again = start(sessions, f"{PY} -m wiredesk seeds", tmp_path)  # same WIREDESK_HOME
    again.wait_for(lambda t: "Sources" in t and "claims" in t, timeout=60)
    again.send("3")
    again.wait_for(lambda t: "✓ confirmed" in t and "rang the desk" in t)
    again.send("q")
    assert again.wait_exit(timeout=60) == 0


def test_dispute_card_at_120x40_with_the_article_beside_the_facts(tmp_path: Path,
                                                                   sessions: list[TmuxSession]) -> None:
    s = start(sessions, f"{PY} -m wiredesk seeds", tmp_path, width=120, height=40)
    s.wait_for(lambda t: "Sources" in t and "claims" in t, timeout=60)
    s.send("3")
    s.wait_for(lambda t: "Facts ·" in t and "─ Article ─" in t)  # two panes: article and facts
    s.send("Enter")
    s.send("]")
    screen = s.wait_for(lambda t: "(2/" in t and "] next" in t)
    top = "\n".join(screen.splitlines()[:12])
    assert "(2/" in top  # pinned at the top of the article, not scrolled away
    s.send("q")
    assert s.wait_exit(timeout=60) == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signals_exit_cleanly_and_restore_the_terminal(tmp_path: Path, sessions: list[TmuxSession],
                                                       signum: int) -> None:
    s = start(sessions, f"{PY} -m wiredesk seeds", tmp_path)
    s.wait_for(lambda t: "Sources" in t and "claims" in t, timeout=60)
    pid = s.program_pid()
    assert pid is not None
    os.kill(pid, signum)
    assert s.wait_exit(timeout=60) == 128 + signum
    restored(s)


def test_crash_exits_non_zero_with_one_line_and_a_log(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    script = tmp_path / "crash.py"
    script.write_text(
        "import sys\n"
        "from wiredesk.tui.screens import reader\n"
        "def boom(self, message):\n"
        "    raise ZeroDivisionError('planted crash')\n"
        "reader.ReaderScreen.on_library_loaded = boom\n"
        "from wiredesk.core.service import Wiredesk\n"
        "from wiredesk.tui import run_reader\n"
        f"sys.exit(run_reader(Wiredesk(), [{str(ROOT / 'seeds')!r}]))\n",
        encoding="utf-8",
    )
    errors = tmp_path / "stderr.txt"
    s = start(sessions, f"{PY} {script}", tmp_path, stderr_file=errors)
    code = s.wait_exit(timeout=60)
    assert code != 0
    restored(s)
    # Textual draws on stderr; what the user is left with is what follows the alternate screen.
    written = errors.read_text(encoding="utf-8")
    assert "Traceback" not in written and "planted crash" not in written
    after = re.sub(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]", "", written.rsplit("\x1b[?1049l", 1)[-1])
    lines = [line for line in after.splitlines() if line.strip()]
    assert len(lines) == 1 and "details in" in lines[0]
    logs = list((tmp_path / "home" / "data" / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "planted crash" in logs[0].read_text(encoding="utf-8")


def test_hostile_article_cannot_retitle_or_wipe_the_terminal(tmp_path: Path, sessions: list[TmuxSession]) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Evil\x1b]0;HACKED\x07 headline [bold]x[/bold]\n\n"
        "Officials said 12 people\x1b[2J were hurt \u202eesrever\u202c in the blast on Monday, police said.\n\n"
        "A stray [link=http://x]y[/link] stays literal and zero\u200bwidth shows.\n",
        encoding="utf-8",
    )
    s = start(sessions, f"{PY} -m wiredesk {corpus}", tmp_path, workdir=tmp_path)
    title_before = "wdtest-title"
    s._tmux("select-pane", "-t", "main", "-T", title_before)
    s.wait_for(lambda t: "Sources" in t and "evil" in t.lower(), timeout=60)
    s.send("2")
    screen = s.wait_for(lambda t: "[link=http://x]y[/link]" in t)
    assert "HACKED" not in s.pane_value("#{pane_title}")
    assert "␛" in screen
    assert "\u202e" not in screen and "\x1b" not in screen
    assert "Sources" not in screen or "Article" in screen  # still drawn, not wiped
    s.send("q")
    assert s.wait_exit(timeout=60) == 0
    restored(s)
