"""Start-up and opening without waits: the one-step first screen and the read-ahead articles.

The reader reads its first screen in one worker and applies it in one step, and after the
first paint reads the open story's articles ahead so enter and fact jumps need no worker.
"""

from __future__ import annotations

import gc

from screen_text import screen_text
from tui_support import settle
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import ReadingPane, SourceList


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


async def test_first_screen_arrives_in_one_message(seeds_service: Wiredesk, clock) -> None:
    """Library, story counts and the first article come together: one source-list rebuild."""
    app = WiredeskApp(seeds_service, [], clock=clock)
    rebuilds: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        sources = reader(app).query_one(SourceList)
        original = sources.rebuild

        def counting() -> None:
            rebuilds.append(1)
            original()

        sources.rebuild = counting  # type: ignore[method-assign]
        await settle(pilot, rounds=6)
        pane = reader(app).query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == sources.open_article
        assert "claims" in screen_text(app)
    assert len(rebuilds) == 1, f"the source list was rebuilt {len(rebuilds)} times at start-up"


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
