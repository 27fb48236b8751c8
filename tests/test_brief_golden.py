"""Golden files for the brief of the bundled seeds in each format (Markdown, CSV, JSON).

The verdicts are recorded on facts picked by position among the contested ones, not by
label, so the test itself survives engine changes; the goldens are then regenerated with
``WIREDESK_REGEN_GOLDENS=1`` (see ``tests/golden/README.md``) and the diff reviewed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from wiredesk.core.service import Wiredesk

from wiredesk.cli.main import main

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("WIREDESK_REGEN_GOLDENS") == "1"
NOTE = "wire copy | check `AP` <b>#1</b> [src](javascript:x)"


@pytest.fixture
def seeds_story(tmp_path: Path, seeds_dir: Path) -> tuple[Path, str]:
    db = tmp_path / "index.sqlite3"
    desk = Wiredesk(db)
    desk.index([str(seeds_dir)])
    story = desk.stories()[0].id
    contested = [f for f in desk.facts(story) if f.status == "contested"]
    assert len(contested) >= 2
    desk.set_verdict(contested[0], "confirmed", value=contested[0].values[0].value, note=NOTE)
    desk.set_verdict(contested[1], "disputed", note="two outlets, two spellings")
    desk.set_trust(sorted(a.id for a in desk.articles(story))[0], "doubtful")
    desk.close()
    return db, story


def _normalized_json(text: str, seeds_dir: Path) -> str:
    data = json.loads(text)
    for article in data["articles"]:
        article["path"] = "<seeds>/" + Path(article["path"]).name
        article["indexed_at"] = "<indexed_at>"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_seeds_brief_matches_golden(fmt: str, seeds_story: tuple[Path, str], seeds_dir: Path,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, story = seeds_story
    out = tmp_path / f"brief.{fmt}"
    assert main(["--db", str(db), "export", story, "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        text = _normalized_json(text, seeds_dir)
    golden = GOLDEN / f"seeds_brief.{fmt}"
    if REGEN:
        golden.write_text(text, encoding="utf-8", newline="")
    assert golden.exists(), f"missing {golden}: run WIREDESK_REGEN_GOLDENS=1 pytest {__file__}"
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"brief differs from {golden.name}; if the engine changed on purpose, regenerate"
    # Stdout carries the same document as -o.
    assert main(["--db", str(db), "export", story, "--format", fmt]) == 0
    printed = capsys.readouterr().out
    assert (printed if fmt != "json" else _normalized_json(printed, seeds_dir)) == text
