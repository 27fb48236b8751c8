"""The invented stories of ``tests/stories`` run through the whole pipeline, as a user would
meet them: one text file per article (outlet line, date line, body) in a folder, indexed,
grouped into stories, read for claims and compared into facts.

The other story tests hand the fact engine ready-made stories; here grouping has to find
them. These are short wire-style articles (one to three sentences), and an event split into
several stories loses every contest it holds, so each file must come back as one story
(two where its header says an article is a separate event) with its contest intact.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from wiredesk.core.service import Wiredesk

STORIES = Path(__file__).resolve().parents[1] / "stories"
FILES = sorted(p.name for p in STORIES.glob("*.txt"))

SEPARATE = {"precision_raids.txt": {"raid-e"}}
"""Articles a story's header describes as another event ("a separate search ... different
event"): they must form a story of their own."""

CONTESTS = {
    "bound_quake.txt": "bound",
    "date_fire.txt": "value",
    "spelling_minister.txt": "spelling",
    "attribution_ambush.txt": "attribution",
    "precision_raids.txt": "precision",
    "spelling_ferry.txt": "spelling",
    "bearing_quake.txt": "value",
    "update_fire.txt": "update",
    "record_storm.txt": "value",
    "title_storm.txt": "value",
    "age_suspect.txt": "value",
    "toll_landslide.txt": "value",
    "missing_crash.txt": "value",
    "derail_dam.txt": "value",
    "custody_shooting.txt": "value",
    "naming_submersible.txt": "value",
    "survivors_ferry.txt": "value",
    "compass_town.txt": "spelling",
    "rescue_mine.txt": "value",
    "speaker_leak.txt": "attribution",
    "loner_prison.txt": "value",
}
"""The contest each contest story sets up, as the fact's ``conflict``. Every other story
(agreements, compatible statements, two events kept apart) must report no contest."""


def _articles(name: str) -> list[tuple[str, str, date, str]]:
    """``(id, outlet, published, body)`` of each article in a story file."""
    text = (STORIES / name).read_text(encoding="utf-8")
    out = []
    for block in re.split(r"^=== ", text, flags=re.MULTILINE)[1:]:
        header, _, body = block.partition("\n")
        parts = [p.strip() for p in header.split("|")]
        out.append((parts[0], parts[1], date.fromisoformat(parts[2]), body.strip("\n")))
    return out


def _header(name: str) -> str:
    text = (STORIES / name).read_text(encoding="utf-8")
    return "\n".join(ln for ln in text.split("\n=== ", 1)[0].splitlines() if ln.startswith("#"))


def _write(folder: Path, names: list[str]) -> None:
    folder.mkdir()
    for name in names:
        for aid, outlet, published, body in _articles(name):
            when = f"{published:%B} {published.day}, {published.year}"
            (folder / f"{aid}.txt").write_text(f"{outlet}\n\n{when}\n\n{body}\n", encoding="utf-8")


def _run(tmp_path: Path, names: list[str]) -> tuple[Wiredesk, dict[str, Any], dict[str, str]]:
    """The report over the indexed files, and each indexed id's file stem (the story's id)."""
    folder = tmp_path / "in"
    _write(folder, names)
    wd = Wiredesk(tmp_path / "i.sqlite3")
    report = wd.index([folder])
    assert not report.errors
    rep = wd.report()
    stems = {a["id"]: Path(a["path"]).stem for a in rep["articles"]}
    return wd, rep, stems


def _stories(rep: dict[str, Any], stems: dict[str, str]) -> set[frozenset[str]]:
    return {frozenset(stems[a] for a in s["articles"]) for s in rep["stories"]}


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREDESK_HOME", str(tmp_path / "home"))


def test_every_story_file_is_covered() -> None:
    assert FILES, "no story files found"
    assert set(CONTESTS) <= set(FILES)
    for name, ids in SEPARATE.items():
        assert ids <= {aid for aid, *_ in _articles(name)}
        header = _header(name).lower()
        assert "separate" in header and "different event" in header, name


@pytest.mark.parametrize("name", FILES)
def test_each_story_file_forms_its_stories(tmp_path: Path, name: str) -> None:
    _, rep, stems = _run(tmp_path, [name])
    ids = {aid for aid, *_ in _articles(name)}
    separate = SEPARATE.get(name, set())
    expected = {frozenset(ids - separate)} | {frozenset({a}) for a in separate}
    assert _stories(rep, stems) == expected


@pytest.mark.parametrize("name", FILES)
def test_contests_survive_the_pipeline_and_agreements_stay_quiet(tmp_path: Path, name: str) -> None:
    wd, rep, _ = _run(tmp_path, [name])
    assert rep["facts"], "the pipeline read no facts at all"
    for fact in rep["facts"]:  # every value points at the sentence it was read from
        for value in fact["values"]:
            for ev in value["evidence"]:
                assert wd.article(ev["article"]).body[ev["start"] : ev["end"]] == ev["sentence"]
    contested = [(f["label"], f["conflict"]) for f in rep["facts"] if f["status"] == "contested"]
    if name in CONTESTS:
        assert CONTESTS[name] in {conflict for _, conflict in contested}, contested
    else:
        assert contested == []


def _contest(tmp_path: Path, name: str) -> tuple[dict[str, Any], dict[str, set[str]]]:
    """The story's contest of its expected kind, and each value's articles (by file stem)."""
    _, rep, stems = _run(tmp_path, [name])
    (fact,) = [f for f in rep["facts"] if f["status"] == "contested" and f["conflict"] == CONTESTS[name]]
    return fact, {v["value"]: {stems[a] for a in v["articles"]} for v in fact["values"]}


def test_date_contest_sets_march_3_against_march_4(tmp_path: Path) -> None:
    fact, values = _contest(tmp_path, "date_fire.txt")
    assert fact["kind"] == "date"
    by_date = {v["normalized"].get("date") for v in fact["values"]}
    assert by_date == {"2021-03-03", "2021-03-04"}
    assert values == {"March 3": {"fire-a"}, "March 4": {"fire-b"}}


def test_bound_contest_sets_at_least_212_against_more_than_230(tmp_path: Path) -> None:
    fact, values = _contest(tmp_path, "bound_quake.txt")
    assert {v["normalized"].get("n") for v in fact["values"]} == {212, 230}
    assert {"quake-a", "quake-c"} <= set().union(*values.values())


def test_precision_contest_keeps_the_separate_search_out(tmp_path: Path) -> None:
    _, values = _contest(tmp_path, "precision_raids.txt")
    members = set().union(*values.values())
    assert "raid-e" not in members
    assert {"raid-a", "raid-b", "raid-c"} <= members


def test_spelling_contest_names_both_spellings(tmp_path: Path) -> None:
    _, values = _contest(tmp_path, "spelling_minister.txt")
    assert any("al-Fadhli" in v for v in values) and any("al-Fadli" in v for v in values)
    assert not any("al-Fadili" in v for v in values)


def test_attribution_contest_is_between_the_two_accounts_of_the_statement(tmp_path: Path) -> None:
    _, values = _contest(tmp_path, "attribution_ambush.txt")
    assert set().union(*values.values()) == {"amb-a", "amb-b"}


def test_a_quotation_given_to_two_people_names_both_and_skips_the_stock_line(tmp_path: Path) -> None:
    fact, values = _contest(tmp_path, "speaker_leak.txt")
    assert fact["kind"] == "quote" and fact["label"].startswith("who said \u201ccrews have been")
    assert {v: set(arts) for v, arts in values.items()} == {"Ines Calloway": {"leak-a"}, "Marek Oduya": {"leak-b"}}


def test_all_stories_in_one_folder_stay_apart(tmp_path: Path) -> None:
    """Nine events of short articles, several on the same day and sharing words ("killed",
    "police", a Tuesday), indexed together: each file keeps its own story."""
    _, rep, stems = _run(tmp_path, FILES)
    expected: set[frozenset[str]] = set()
    for name in FILES:
        ids = {aid for aid, *_ in _articles(name)}
        separate = SEPARATE.get(name, set())
        expected |= {frozenset(ids - separate)} | {frozenset({a}) for a in separate}
    assert _stories(rep, stems) == expected
