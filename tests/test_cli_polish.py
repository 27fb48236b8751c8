"""CLI behaviour a script author relies on: typos are usage errors, pipes get plain text,
stdin has the same size limit as files."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from wiredesk.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("typo", "meant"), [("lst", "list"), ("contsted", "contested"), ("serch", "search")])
def test_a_mistyped_command_is_a_usage_error_with_a_suggestion(
    capsys: pytest.CaptureFixture[str], typo: str, meant: str
) -> None:
    code, out, err = run(capsys, typo)
    assert code == 2 and out == ""
    assert err == f"wiredesk: unknown command '{typo}'; did you mean '{meant}'? (see 'wiredesk --help')\n"


def test_an_unknown_word_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "zzzzqq")
    assert code == 2 and "unknown command 'zzzzqq'" in err and "contested" in err


def test_an_existing_folder_still_opens_the_reader(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "lst").mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "lst")
    assert code == 1 and "the reader needs a terminal" in err  # the reader, not a usage error


def test_piped_output_is_plain_text(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    run(capsys, "index", str(seeds_dir))
    for argv in (["list"], ["search", "drone"], ["contested", str(seeds_dir)], ["locate"]):
        code, out, _ = run(capsys, *argv)
        assert code == 0 and out
        assert not any(0x2500 <= ord(ch) <= 0x257F for ch in out), argv  # no box drawing
    _, out, _ = run(capsys, "list")
    header = out.splitlines()[1]
    assert header.split("\t") == ["id", "published", "outlet", "title", "story", "reprint of"]


def test_piped_index_summary_is_one_line(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    _, _, err = run(capsys, "index", str(seeds_dir))
    assert err == "indexed 5 file(s): 5 added, 0 updated, 0 moved, 0 removed, 0 unchanged, 0 failed\n"


def test_show_prints_the_body_unwrapped(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    run(capsys, "index", str(seeds_dir))
    article_id = json.loads(run(capsys, "list", "--json")[1])["articles"][0]["id"]
    body = json.loads(run(capsys, "show", article_id, "--json")[1])["body"]
    _, out, _ = run(capsys, "show", article_id)
    assert body in out  # every paragraph whole, on its own line
    assert all(line == line.rstrip() for line in out.splitlines())


def test_stdin_over_the_limit_is_refused_and_not_read_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = io.BytesIO(b"A line of an article that goes on and on.\n" * 20_000)  # ~860 KB
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(data))
    code, _, err = run(capsys, "index", "-", "--max-size", "0.5")
    assert code == 1 and "<stdin>: input is over the" in err and err.count("\n") == 2  # error + summary
    assert data.tell() <= 512 * 1024 + 1 + 8192  # stopped reading just past the limit
    assert json.loads(run(capsys, "list", "--json")[1])["articles"] == []


def test_special_files_in_a_folder_are_each_named_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds_dir: Path
) -> None:
    """A FIFO or a socket among the articles was skipped without a word; now each is one line."""
    import shutil
    import socket

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "sock.txt"))
        code, _, err = run(capsys, "index", str(folder))
    finally:
        sock.close()
    assert code == 1
    assert err.splitlines() == [
        f"wiredesk: {folder / 'pipe.txt'}: not a regular file (FIFO); skipped",
        f"wiredesk: {folder / 'sock.txt'}: not a regular file (socket); skipped",
        "indexed 1 file(s): 1 added, 0 updated, 0 moved, 0 removed, 0 unchanged, 2 failed",
    ]
    assert len(json.loads(run(capsys, "list", "--json")[1])["articles"]) == 1
