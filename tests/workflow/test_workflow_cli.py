"""``wiredesk verdict``, ``timeline`` and ``export`` as a script author meets them, and
verdicts that survive a deleted and rebuilt index (real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from wf_helpers import write_fire

from wiredesk.cli.main import main


def wd(*argv: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wiredesk", "--db", str(db), *argv],
                          capture_output=True, text=True, timeout=120, check=False)


def test_verdicts_survive_a_deleted_and_rebuilt_index(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "data" / "index.sqlite3"
    first = wd("contested", str(seeds_dir), "--json", db=db)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    contested = [f for f in report["facts"] if f["status"] == "contested"]
    assert all(f["verdict"] is None and f["note"] == "" for f in report["facts"])
    target, other = contested[0], contested[1]
    value = target["values"][-1]["value"]
    done = wd("verdict", target["id"], "--value", value, "--note", "rang the ministry", "--json", db=db)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"]["value"] == value
    assert wd("verdict", other["id"][:7], "--status", "unverified", db=db).returncode == 0
    article = report["articles"][0]["id"]
    assert wd("verdict", article, "--trust", "doubtful", db=db).returncode == 0
    # The index goes (the triage file beside it stays), and is rebuilt from the files.
    for path in db.parent.glob("index.sqlite3*"):
        path.unlink()
    assert not db.exists() and (db.parent / "index.triage.sqlite3").exists()
    again = wd("contested", str(seeds_dir), "--json", db=db)
    assert again.returncode == 0, again.stderr
    rebuilt = json.loads(again.stdout)
    by_label = {(f["kind"], f["label"]): f for f in rebuilt["facts"]}
    found = by_label[(target["kind"], target["label"])]
    assert (found["verdict"], found["verdict_value"], found["note"]) == ("confirmed", value, "rang the ministry")
    assert by_label[(other["kind"], other["label"])]["verdict"] == "unverified"
    assert sum(1 for f in rebuilt["facts"] if f["verdict"]) == 2
    assert {a["id"]: a["trust"] for a in rebuilt["articles"]}[article] == "doubtful"
    # The brief of the rebuilt index carries the verdict and its note.
    brief = wd("export", found["story"], db=db)
    assert brief.returncode == 0 and "rang the ministry" in brief.stdout and "**confirmed**" in brief.stdout


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verdict_errors_are_one_line(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, _ = run(capsys, "contested", str(seeds_dir), "--json")
    fact = next(f for f in json.loads(out)["facts"] if f["status"] == "contested")
    for argv, expected in [
        (("verdict", "nope", "--status", "disputed"), "no fact matches 'nope'"),
        (("verdict", fact["id"], "--value", "no such value"), "is not one of this fact's values"),
        (("verdict", fact["id"]), "say --status"),
        (("verdict", fact["id"], "--clear"), "has no verdict to clear"),
        (("verdict", fact["id"], "--trust", "trusted"), "no article matches"),
        (("timeline", "s-nothing"), "no story matches"),
        (("export", "s-nothing"), "no story matches"),
    ]:
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "", argv
        assert err.count("\n") == 1 and expected in err and "Traceback" not in err, (argv, err)
    assert run(capsys, "verdict", fact["id"], "--status", "disputed")[0] == 0
    code, out, _ = run(capsys, "contested", str(seeds_dir))
    assert code == 0 and "verdict: disputed" in out  # the table shows it too
    code, _, err = run(capsys, "export", fact["story"], "--format", "pdf")
    assert code == 2 and "invalid choice" in err


def test_timeline_marks_where_a_figure_changed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_fire(tmp_path / "fire")
    code, out, _ = run(capsys, "contested", str(folder), "--json")
    report = json.loads(out)
    toll = next(f for f in report["facts"] if f["status"] == "contested")
    code, out, err = run(capsys, "timeline", toll["story"], "--json")
    assert code == 0, err
    line = json.loads(out)
    outlets = [a["outlet"] for a in line["articles"]]
    assert outlets == ["Harbour Post", "City Ledger", "Evening Wire"]  # by publication time
    figures = [next(f for f in a["figures"] if f["fact"] == toll["id"]) for a in line["articles"]]
    assert [f["value"] for f in figures] == ["four", "six", "six"]
    assert figures[0]["change"] is None and figures[2]["change"] is None
    # Where the toll went from four to six, labelled with the engine's own conflict kind
    # (``update`` once the engine orders values by publication time).
    assert figures[1]["change"] == {"from": "four", "from_article": line["articles"][0]["article"],
                                    "kind": toll["conflict"], "ordered": True}
    code, out, _ = run(capsys, "timeline", toll["story"][:6])
    assert code == 0 and "was four" in out and "1 change(s)" in out


def test_export_writes_the_file_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds_dir: Path) -> None:
    run(capsys, "index", str(seeds_dir))
    code, out, _ = run(capsys, "list", "--json")
    some_article = json.loads(out)["articles"][0]["id"]
    target = tmp_path / "brief.md"
    code, out, err = run(capsys, "export", some_article, "-o", str(target))  # a story named by an article
    assert code == 0 and out == "" and "wrote md brief" in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Brief: ") and "## Contested" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")] == []
    code, _, err = run(capsys, "export", some_article, "-o", str(tmp_path / "missing" / "b.md"))
    assert code == 1 and "cannot write" in err
