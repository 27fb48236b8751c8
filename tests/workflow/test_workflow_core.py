"""The workflow's core: the triage queue's walk, the timeline's ordering and changes, and
verdicts that follow a fact by content (moves, re-indexing, a story that gains articles)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from wf_helpers import article, fact, write_fire
from wiredesk.core.service import Wiredesk
from wiredesk.core.workflow import queue, timeline
from wiredesk.core.workflow.verdicts import VerdictError

# -- the queue ---------------------------------------------------------------------------


def test_queue_walks_outlets_then_facts_and_wraps() -> None:
    order = ["f1", "f2", "f3", "f4"]
    open_outlets = {"f1": 2, "f3": 3}  # f2 has a verdict, f4 is agreed
    stops = []
    current = None
    for _ in range(6):
        stop = queue.next_stop(order, open_outlets, current)
        assert stop is not None
        stops.append((stop.fact, stop.outlet, stop.wrapped))
        current = (stop.fact, stop.outlet)
    assert stops == [("f1", 0, False), ("f1", 1, False), ("f3", 0, False), ("f3", 1, False),
                     ("f3", 2, False), ("f1", 0, True)]


def test_queue_goes_on_from_a_fact_that_just_closed() -> None:
    # The editor gave f1 a verdict while on it: the next stop is the open fact after it.
    assert queue.next_stop(["f1", "f2", "f3"], {"f3": 2}, ("f1", 1)) == queue.Stop("f3", 0)
    assert queue.next_stop(["f1", "f2"], {}, None) is None


def test_open_facts_are_contested_without_verdict() -> None:
    facts = [fact("f1", "a", {"1": [("x", "s")], "2": [("y", "t")]}),
             fact("f2", "b", {"1": [("x", "s")]}, status="agreed"),
             fact("f3", "c", {"1": [("x", "s")], "3": [("y", "t")]})]
    assert [f.id for f in queue.open_facts(facts, {"f3"})] == ["f1"]


# -- the timeline ------------------------------------------------------------------------


def test_timeline_orders_by_time_and_marks_changes_only_where_order_is_known() -> None:
    arts = [
        article("late", outlet="Late", published="2024-02-08", published_at="2024-02-08T18:00"),
        article("nodate", outlet="Undated"),
        article("early", outlet="Early", published="2024-02-08", published_at="2024-02-08T09:00"),
        article("dayonly", outlet="Day", published="2024-02-08"),
        article("prev", outlet="Previous day", published="2024-02-07"),
    ]
    toll = fact("f1", "people killed", {
        "12": [("prev", "12 died."), ("dayonly", "12 died, police said.")],
        "15": [("early", "15 died.")],
        "17": [("late", "17 died."), ("nodate", "17 people died.")],
    }, conflict="update")
    line = timeline.build("s-test", arts, [toll])
    assert [e.article.id for e in line.entries] == ["prev", "dayonly", "early", "late", "nodate"]
    changes = {e.article.id: e.figures[0].change for e in line.entries}
    assert changes["prev"] is None and changes["dayonly"] is None  # same value as before
    assert changes["early"] is not None and changes["early"].previous == "12"
    assert changes["early"].ordered is False  # a time-less report of the same day: order unknown
    assert changes["late"] is not None and changes["late"].ordered and changes["late"].kind == "update"
    assert changes["late"].after == "early"
    assert changes["nodate"] is None  # same value as the report before it
    assert line.changes == 1
    assert line.to_dict()["articles"][3]["figures"][0]["change"] == {
        "from": "15", "from_article": "early", "kind": "update", "ordered": True}


def test_timeline_never_marks_agreed_figures_as_changes() -> None:
    arts = [article("a", published="2024-01-01"), article("b", published="2024-01-02")]
    agreed = fact("f", "x", {"3": [("a", "three"), ("b", "3")]}, status="agreed")
    line = timeline.build("s", arts, [agreed])
    assert all(f.change is None for e in line.entries for f in e.figures)
    assert [len(e.figures) for e in line.entries] == [1, 1]


# -- verdicts follow content -------------------------------------------------------------


@pytest.fixture
def fire(tmp_path: Path) -> tuple[Wiredesk, Path]:
    folder = write_fire(tmp_path / "news")
    desk = Wiredesk(tmp_path / "index.sqlite3")
    desk.index([folder])
    return desk, folder


def _contested(desk: Wiredesk):
    found = [f for story in desk.stories() for f in desk.facts(story.id) if f.status == "contested"]
    assert found, "the invented fire story should hold a contested toll"
    return found[0]


def test_verdict_round_trip_and_errors(fire: tuple[Wiredesk, Path]) -> None:
    desk, _ = fire
    toll = _contested(desk)
    with pytest.raises(VerdictError, match="needs --value"):
        desk.set_verdict(toll, "confirmed")
    with pytest.raises(VerdictError, match="not one of this fact's values"):
        desk.set_verdict(toll, "confirmed", value="eleven")
    with pytest.raises(VerdictError, match="only goes with a confirmed"):
        desk.set_verdict(toll, "disputed", value="six")
    verdict = desk.set_verdict(toll, "confirmed", value="SIX", note="checked with the fire service")
    assert (verdict.status, verdict.value) == ("confirmed", "six")
    again = desk.set_verdict(toll.id[:6], "unverified")  # a prefix; the note is kept
    assert again.row == verdict.row and again.value is None and again.note == "checked with the fire service"
    assert desk.verdicts(toll.story) == {toll.id: again}
    assert desk.clear_verdict(toll) and desk.verdicts(toll.story) == {}


def test_verdict_follows_moved_files_and_a_new_article(fire: tuple[Wiredesk, Path], tmp_path: Path) -> None:
    desk, folder = fire
    toll = _contested(desk)
    desk.set_verdict(toll, "confirmed", value="six", note="fire service")
    desk.set_trust(desk.articles()[0].id, "doubtful")
    moved = tmp_path / "moved"
    shutil.move(folder, moved)
    desk.index([moved])
    assert _contested(desk).id == toll.id  # a move changes nothing
    # A fourth outlet whose id sorts first: the story's id, hence every fact id, changes.
    (moved / "d.txt").write_text(
        "Coast Radio\n\nMarch 6, 2021\n\nA blaze at the Kessel warehouse on Friday killed six workers, "
        "local officials told reporters.\n\nThe site had been inspected in January.\n", encoding="utf-8")
    desk.index([moved])
    now = _contested(desk)
    assert now.id != toll.id and now.story != toll.story and now.sources == toll.sources + 1
    verdicts = desk.verdicts(now.story)
    assert now.id in verdicts and verdicts[now.id].note == "fire service"
    assert list(desk.trust().values()) == ["doubtful"]


def test_two_facts_with_one_label_keep_their_own_verdicts() -> None:
    import sqlite3

    from wiredesk.core.workflow.verdicts import VerdictStore

    store = VerdictStore(sqlite3.connect(":memory:", isolation_level=None))
    one = fact("f1", "soldiers killed", {"3": [("a", "Three soldiers died.")], "4": [("b", "Four died.")]})
    two = fact("f2", "soldiers killed", {"5": [("c", "Five soldiers were hurt.")], "6": [("d", "Six.")]})
    hashes = {k: f"h{k}" for k in "abcd"}
    store.set(one, hashes, "disputed", note="first")
    store.set(two, hashes, "unverified", note="second")
    found = store.for_facts([one, two], hashes)
    assert (found["f1"].note, found["f2"].note) == ("first", "second")
    # The engine renumbers the facts (new ids): the verdicts stay with their sentences.
    one.id, two.id = "g2", "g1"
    found = store.for_facts([two, one], hashes)
    assert (found["g2"].note, found["g1"].note) == ("first", "second")
