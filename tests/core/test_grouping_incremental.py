"""Incremental grouping: a new article joins a story (or starts one) without a full regroup,
and the result equals what the full pass gives on the same index."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from wiredesk.core.models import Article
from wiredesk.core.outlets import OutletAliases
from wiredesk.core.service import Wiredesk

from tests.core.test_grouping import BRIEFS, BUDGET, FLOOD, MERGER, PRIZE, QUAKE, VERDICT

ARTICLES = [*QUAKE, *VERDICT, *MERGER, *FLOOD, *BUDGET, *BRIEFS, PRIZE]


def _write(folder: Path, article: Article) -> Path:
    path = folder / f"{article.id}.txt"
    path.write_text(f"{article.title or ''}\n\n{article.published}\n\n{article.body}\n", encoding="utf-8")
    return path


class Spy:
    """Records whether each indexing call placed its articles incrementally."""

    def __init__(self, desk: Wiredesk) -> None:
        self.calls: list[bool] = []
        self.regroups = 0
        place, regroup = desk.place, desk.regroup

        def spy_place(ids):  # type: ignore[no-untyped-def]
            self.calls.append(place(ids))
            return self.calls[-1]

        def spy_regroup():  # type: ignore[no-untyped-def]
            self.regroups += 1
            return regroup()

        desk.place, desk.regroup = spy_place, spy_regroup  # type: ignore[method-assign]


def _snapshot(desk: Wiredesk) -> tuple[set[frozenset[str]], dict[str, str | None], dict[str, str]]:
    stories = desk.stories()
    return (
        {frozenset(Path(desk.article(a).path).stem for a in s.articles) for s in stories},
        {Path(a.path).stem: a.copy_of for a in desk.articles()},
        {s.id: s.label for s in stories},
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_one_article_at_a_time_equals_a_full_regroup(tmp_path: Path, seed: int) -> None:
    order = ARTICLES[:]
    random.Random(seed).shuffle(order)
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    spy = Spy(desk)
    for article in order:
        desk.index([_write(tmp_path, article)])
    assert spy.calls and all(spy.calls), "every article after the first was placed incrementally"
    assert spy.regroups == 1  # the very first article only
    placed = _snapshot(desk)
    desk.regroup()
    full = _snapshot(desk)
    assert placed[0] == full[0]
    assert placed[1] == full[1]
    assert placed[2] == full[2]  # same story ids and labels
    assert frozenset({"q1", "q2", "q3"}) in placed[0]
    assert frozenset({"w1", "w2", "w3"}) in placed[0]
    assert frozenset({"x1"}) in placed[0] and frozenset({"b1"}) in placed[0]


def test_a_wire_copy_arriving_later_is_linked_to_its_original(tmp_path: Path) -> None:
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    for article in [*QUAKE, *MERGER]:
        _write(tmp_path, article)
    desk.index([tmp_path])
    copy = tmp_path / "copy.txt"
    copy.write_text("Quake reprint\n\n2025-03-15\n\n" + QUAKE[0].body + "\n\nShare this article\n", encoding="utf-8")
    spy = Spy(desk)
    desk.index([copy])
    assert spy.calls == [True] and spy.regroups == 0
    [new] = [a for a in desk.articles() if a.path.endswith("copy.txt")]
    original = desk.article(str(tmp_path / "q1.txt"))
    assert new.copy_of == original.id
    assert new.story == original.story


def test_changed_or_removed_articles_take_the_full_pass(tmp_path: Path) -> None:
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    paths = [_write(tmp_path, a) for a in [*QUAKE, *MERGER]]
    desk.index([tmp_path])
    spy = Spy(desk)
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nRescuers found two more survivors.\n",
                        encoding="utf-8")
    desk.index([paths[0]])
    assert spy.calls == [] and spy.regroups == 1
    assert {frozenset(Path(desk.article(a).path).stem for a in s.articles) for s in desk.stories()} == {
        frozenset({"q1", "q2", "q3"}), frozenset({"m1", "m2", "m3"})
    }


def test_a_stale_grouping_is_redone_in_full(tmp_path: Path) -> None:
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    for article in QUAKE:
        _write(tmp_path, article)
    desk.index([tmp_path], regroup=False)  # a bulk load that left grouping for later
    spy = Spy(desk)
    desk.index([_write(tmp_path, MERGER[0])])
    assert spy.calls == [] and spy.regroups == 1
    assert all(a.story for a in desk.articles())


def test_regroup_command(tmp_path: Path) -> None:
    for article in [*QUAKE, *MERGER]:
        _write(tmp_path, article)
    db = str(tmp_path / "i.sqlite3")
    run = [sys.executable, "-m", "wiredesk", "--db", db]
    subprocess.run([*run, "index", str(tmp_path)], check=True, capture_output=True)
    done = subprocess.run([*run, "regroup"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stderr.strip() == "regrouped 6 article(s) into 2 stories"
    done = subprocess.run([*run, "regroup", "--json"], capture_output=True, text=True)
    assert json.loads(done.stdout) == {"stories": 2, "articles": 6}


def test_an_index_grouped_without_term_counts_takes_one_full_pass(tmp_path: Path) -> None:
    """An index grouped by an older version has no stored term counts: the next addition
    regroups in full (storing them), the one after is placed incrementally."""
    import sqlite3

    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    for article in QUAKE:
        _write(tmp_path, article)
    desk.index([tmp_path])
    desk.close()
    with sqlite3.connect(tmp_path / "i.sqlite3") as conn:
        conn.execute("DROP TABLE grouping_terms")
    desk = Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())
    spy = Spy(desk)
    desk.index([_write(tmp_path, MERGER[0])])
    assert spy.calls == [False] and spy.regroups == 1
    desk.index([_write(tmp_path, MERGER[1])])
    assert spy.calls == [False, True] and spy.regroups == 1
    assert frozenset({"m1", "m2"}) in _snapshot(desk)[0]


def test_new_articles_linked_to_two_stories_join_one_of_them() -> None:
    from dataclasses import replace

    from wiredesk.core.grouping.incremental import _one_story

    base = QUAKE[0]
    arts = [replace(base, id="a1", story="sA"), replace(base, id="a2", story="sA"),
            replace(base, id="b1", story="sB"), replace(base, id="b2", story="sB"), replace(base, id="new", story=None)]
    # the new article is linked to both of story A's members and to one of story B's
    kept = _one_story([0, 1, 2, 3, 4], arts, {4}, [(0, 4), (1, 4), (2, 4)])
    assert kept == [0, 1, 4]
    # a group touching one story is left whole
    assert _one_story([0, 1, 4], arts, {4}, [(0, 4)]) == [0, 1, 4]
