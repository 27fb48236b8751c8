"""Start-up and opening without waits: the one-step first screen and the read-ahead articles.

The reader reads its first screen in one go (started with the app, ``EarlyRead``) and applies
it in one step, before the first frame when it is there by the time the screen mounts, else
from a worker; after the first paint it reads the open story's articles ahead so enter and
fact jumps need no worker.
"""

from __future__ import annotations

import gc

import pytest
from screen_text import screen_text
from tui_support import settle
from wiredesk.core.service import Wiredesk
from wiredesk.tui import preload
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.screens import reader as reader_module
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import ReadingPane, SourceList


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


def counted_rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every source-list rebuild from here on, from the app's very start."""
    rebuilds: list[int] = []
    original = SourceList.rebuild

    def counting(self: SourceList) -> None:
        rebuilds.append(1)
        original(self)

    monkeypatch.setattr(SourceList, "rebuild", counting)
    return rebuilds


@pytest.mark.parametrize("wait", [reader_module.FIRST_SCREEN_WAIT, 0.0], ids=["before-first-frame", "from-worker"])
async def test_first_screen_arrives_in_one_step(seeds_service: Wiredesk, clock, wait: float,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Library, story counts and the first article come together: one source-list rebuild,
    whether the data was there when the screen mounted or came later from a worker."""
    monkeypatch.setattr(reader_module, "FIRST_SCREEN_WAIT", wait)
    rebuilds = counted_rebuilds(monkeypatch)
    early = preload.EarlyRead(seeds_service)
    if wait:
        assert early.result(timeout=30) is not None  # the read is done before the app starts
    app = WiredeskApp(seeds_service, [], clock=clock, early_read=early)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.early_read is None, "the screen did not take the read started with the app"
        await settle(pilot, rounds=6)
        sources = reader(app).query_one(SourceList)
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == sources.open_article
        assert sources.highlighted_article == sources.open_article
        assert "claims" in screen_text(app)
    assert len(rebuilds) == 1, f"the source list was rebuilt {len(rebuilds)} times at start-up"


async def test_ready_first_screen_needs_no_worker(seeds_service: Wiredesk, clock) -> None:
    """Read before the screen mounted, the first screen needs no worker: the list is built,
    with the cursor on the open article, by the first refresh."""
    early = preload.EarlyRead(seeds_service)
    assert early.result(timeout=30) is not None
    app = WiredeskApp(seeds_service, [], clock=clock, early_read=early)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = reader(app)
        sources = screen.query_one(SourceList)
        assert sources.open_article is not None
        assert sources.highlighted_article == sources.open_article
        assert not [w for w in app.workers if w.group == "initial"]


async def test_post_paint_work_follows_a_written_frame(seeds_service: Wiredesk, clock, monkeypatch) -> None:
    """The steps that wait for the first paint (hidden panes, read-ahead, re-index) run once
    Textual's start-up batch is over, when a frame is really written, even though the first
    screen was applied inside it (where after-refresh callbacks run without painting)."""
    batches: list[int] = []
    original = ReaderScreen._after_first_paint

    def spy(self: ReaderScreen) -> None:
        batches.append(self.app._batch_count)
        original(self)

    monkeypatch.setattr(ReaderScreen, "_after_first_paint", spy)
    early = preload.EarlyRead(seeds_service)
    assert early.result(timeout=30) is not None
    app = WiredeskApp(seeds_service, [], clock=clock, early_read=early)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert reader(app)._painted
    assert batches == [0]


async def test_failed_first_read_is_reported_once(seeds_service: Wiredesk, clock, monkeypatch) -> None:
    """A first read that fails (here: the index turned unreadable) is one notification from
    the worker that re-raises it, and the reader stays up."""
    from tui_support import note_catcher

    def broken(service: Wiredesk, sort_mode: str = "time") -> preload.InitialData:
        raise RuntimeError("index unreadable")

    monkeypatch.setattr(preload, "read_initial", broken)
    app = note_catcher()(seeds_service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert [n for n in app.notes if "index unreadable" in n] == ["RuntimeError: index unreadable"]
        assert reader(app).is_attached


def test_claim_counts_match_the_claims(seeds_service: Wiredesk) -> None:
    """The source list's claim counts (read from the cached analyses) are what ``claims`` lists."""
    story = seeds_service.stories()[0]
    counts = seeds_service.claim_counts(story.id)
    assert set(counts) == set(story.articles)
    assert counts == {a: len(seeds_service.claims(a)) for a in story.articles}
    assert all(n > 0 for n in counts.values())


async def test_enter_opens_a_read_ahead_article_without_a_worker(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rounds=6)
        screen = reader(app)
        sources, pane = screen.query_one(SourceList), screen.query_one(ReadingPane)
        story = next(s for s in sources.stories if s.id == screen.story)
        assert set(story.articles) <= set(screen._ready), "the open story was not read ahead"
        other = next(a for a in sources.ordered(story) if a.id != screen.open_article)
        sources.highlight_article(other.id)
        await pilot.pause()
        sources.action_select()
        # OptionList posts the selection as a message: one pass of the queue, no worker round trip.
        await pilot.pause()
        assert pane.article is not None and pane.article.id == other.id
        assert not [w for w in app.workers if w.group == "article"]
        await settle(pilot)
        assert sources.triage[other.id].read, "opening from the read-ahead did not mark it read"


async def test_reindexing_drops_the_read_ahead(seeds_service: Wiredesk, clock) -> None:
    app = WiredeskApp(seeds_service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rounds=6)
        screen = reader(app)
        assert screen._ready
        screen.action_refresh()
        await settle(pilot, rounds=6)
        # The reload cleared it and the reopened story was read ahead again, from the new library.
        story = next(s for s in screen.query_one(SourceList).stories if s.id == screen.story)
        assert set(story.articles) <= set(screen._ready)


async def test_collector_is_back_on_after_the_first_paint(seeds_service: Wiredesk, clock) -> None:
    """``run_reader`` pauses the cyclic collector for start-up; the first paint resumes it."""
    gc.disable()
    try:
        app = WiredeskApp(seeds_service, [], clock=clock, gc_paused=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert reader(app).query_one(ReadingPane).article is not None
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
