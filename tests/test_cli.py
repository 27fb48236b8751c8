"""The command line as a script author meets it: exit codes, one-line errors, stable JSON,
and output that untrusted article text cannot turn against the terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wiredesk import __version__
from wiredesk.cli.main import COMMANDS, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_module_entry() -> None:
    result = subprocess.run([sys.executable, "-m", "wiredesk", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"wiredesk {__version__}"


@pytest.mark.parametrize("command", [c for c in COMMANDS])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith("usage: wiredesk " + command)


def test_index_list_show_search_round_trip(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, _, err = run(capsys, "index", str(seeds_dir))
    assert code == 0, err
    assert "5 added" in err
    code, out, _ = run(capsys, "list", "--json")
    articles = json.loads(out)["articles"]
    assert len(articles) == 5
    assert {"id", "path", "title", "outlet", "byline", "published", "dateline", "url", "story"} <= set(articles[0])
    first = articles[0]["id"]
    code, out, _ = run(capsys, "show", first[:8], "--json")
    shown = json.loads(out)
    assert code == 0 and shown["id"] == first and shown["body"]
    assert "raw" not in shown
    code, out, _ = run(capsys, "show", first, "--json", "--raw")
    assert "raw" in json.loads(out) and "removed" in json.loads(out)
    code, out, _ = run(capsys, "search", "drone", "--json")
    assert code == 0 and json.loads(out)["hits"]
    # Unchanged files are not re-read.
    code, _, err = run(capsys, "index", str(seeds_dir))
    assert "0 added" in err and "5 unchanged" in err


def test_contested_json_shape_and_offsets(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(capsys, "contested", str(seeds_dir), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {"articles", "stories", "facts"} <= set(data)
    assert len(data["articles"]) == 5
    bodies = {}
    for article in data["articles"]:
        _, shown, _ = run(capsys, "show", article["id"], "--json")
        bodies[article["id"]] = json.loads(shown)["body"]
    story_of = {a["id"]: a["story"] for a in data["articles"]}
    for fact in data["facts"]:
        assert fact["status"] in {"contested", "agreed", "single"}
        for value in fact["values"]:
            for ev in value["evidence"]:
                assert bodies[ev["article"]][ev["start"] : ev["end"]] == ev["sentence"]
                assert story_of[ev["article"]] == fact["story"]


def test_bad_inputs_fail_one_line_each_and_the_batch_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "good.txt").write_text("A headline\n\nThe council voted on Tuesday to close the bridge.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    code, _, err = run(capsys, "index", str(tmp_path), str(missing))
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("wiredesk: ")]
    assert any("empty.txt" in ln for ln in lines)
    assert any("image.txt" in ln for ln in lines)
    assert any("missing.txt" in ln for ln in lines)
    assert "Traceback" not in err
    _, out, _ = run(capsys, "list", "--json")
    assert [a["title"] for a in json.loads(out)["articles"]] == ["A headline"]


def test_unknown_article_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "nope")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "nope" in err


def test_usage_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show")
    assert code == 2 and err.count("\n") == 1


def test_reader_refuses_without_a_terminal(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, _, err = run(capsys, str(seeds_dir))
    assert code == 1 and "terminal" in err


def test_stdin_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Piped headline\n\nA body sentence about the vote.\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _, err = run(capsys, "index", "-")
    assert code == 0, err
    _, out, _ = run(capsys, "list", "--json")
    assert json.loads(out)["articles"][0]["path"] == "<stdin>"


HOSTILE = (
    "Evil \x1b]0;pwned\x07 title \x1b[2J\n\n"
    "The mayor said \u202eemosewa\u202c it was fine [link=http://x]click[/link] [bold]x\u200b.\n"
)


def test_hostile_text_is_inert_in_tables_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    run(capsys, "index", str(tmp_path))
    for argv in (["list"], ["list", "--json"], ["show", str(tmp_path / "evil.txt")],
                 ["show", str(tmp_path / "evil.txt"), "--json", "--raw"], ["search", "mayor"]):
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
        for bad in ("\x1b", "\x07", "\u202e", "\u200b"):
            assert bad not in out, (argv, bad)
    _, out, _ = run(capsys, "show", str(tmp_path / "evil.txt"), "--json")
    assert "\u202e" in json.loads(out)["body"]  # the data is kept, only its bytes are escaped
    _, out, _ = run(capsys, "show", str(tmp_path / "evil.txt"))
    assert "[link=http://x]click[/link]" in out


def test_locate_lists_paths_under_home(capsys: pytest.CaptureFixture[str], _isolated_home: Path) -> None:
    code, out, _ = run(capsys, "locate", "--json")
    places = json.loads(out)
    assert code == 0
    for key in ("config", "data", "index", "themes", "logs"):
        assert places[key].startswith(str(_isolated_home))
    assert not _isolated_home.exists()  # locating creates nothing


def test_db_option_overrides_location(capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "elsewhere" / "x.sqlite3"
    run(capsys, "--db", str(db), "index", str(seeds_dir))
    assert db.exists()
    _, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert len(json.loads(out)["articles"]) == 5
