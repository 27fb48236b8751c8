"""``wiredesk list`` shows wire clusters: each article's cluster (the original it reprints,
or itself), a "reprint of" column, and per story its outlets and independent sources.
Run on the invented ``agreement_flood`` story, where flood-c reprints flood-a."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stories import write_files

from wiredesk.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def flood(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """The story indexed (under the throwaway home of ``tests/conftest.py``); stem -> id."""
    write_files("agreement_flood.txt", tmp_path / "in")
    assert run(capsys, "index", str(tmp_path / "in"))[0] == 0
    listing = json.loads(run(capsys, "list", "--json")[1])
    return {Path(a["path"]).stem: a["id"] for a in listing["articles"]}


def test_list_json_gives_each_article_its_cluster_and_each_story_its_sources(
    capsys: pytest.CaptureFixture[str], flood: dict[str, str],
) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    doc = json.loads(out)
    cluster = {Path(a["path"]).stem: a["cluster"] for a in doc["articles"]}
    assert cluster == {"flood-a": flood["flood-a"], "flood-b": flood["flood-b"],
                       "flood-c": flood["flood-a"], "flood-d": flood["flood-d"]}
    [story] = doc["stories"]
    assert (story["articles"], story["outlets"], story["independent_sources"]) == (4, 4, 3)
    assert story["id"] == doc["articles"][0]["story"] and story["label"]


def test_list_table_names_the_original_and_counts_independent_sources(
    capsys: pytest.CaptureFixture[str], flood: dict[str, str],
) -> None:
    _, out, _ = run(capsys, "list", "--json")
    story = json.loads(out)["stories"][0]["id"]
    code, out, _ = run(capsys, "list", "--story", story)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "4 article(s) · 4 outlet(s) · 3 independent source(s)"
    assert lines[1].split("\t")[-1] == "reprint of"
    rows = {line.split("\t")[0]: line.split("\t")[-1] for line in lines[2:]}
    assert rows[flood["flood-c"]] == f"Valley Courier ({flood['flood-a']})"
    assert rows[flood["flood-a"]] == rows[flood["flood-b"]] == "–"
