"""Start-up and opening without waits: the preloaded first screen and the read-ahead articles.

The reader reads its first screen in one thread started before Textual (``Preload``) and,
after the first paint, reads the open story's articles ahead so enter and fact jumps need no
worker. These tests check that those fast paths show exactly what the slow paths show.
"""

from __future__ import annotations

import gc
from pathlib import Path

from screen_text import screen_text
from tui_support import settle
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.preload import Preload
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import ReadingPane, SourceList


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


async def _first_screen(service: Wiredesk, clock, preload: Preload | None) -> tuple[str, str | None, bool]:
    app = WiredeskApp(service, [], clock=clock, preload=preload)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        opened = pane.article.id if pane.article is not None else None
        return screen_text(app), opened, bool(preload is None or not preload.ready() or preload._taken)


def _seeds_index(path: Path, seeds_dir: Path) -> Wiredesk:
    service = Wiredesk(path)
    service.index([str(seeds_dir)])
    return service


async def test_preloaded_first_screen_equals_the_worker_one(tmp_path: Path, seeds_dir: Path, clock) -> None:
    # Two indexes in the same state: a first visit marks articles "new", a second would not.
    slow_text, slow_open, _ = await _first_screen(_seeds_index(tmp_path / "a" / "i.sqlite3", seeds_dir),
                                                  clock, None)
    fast_service = _seeds_index(tmp_path / "b" / "i.sqlite3", seeds_dir)
    preload = Preload(fast_service)
    preload._thread.join(10)
    assert preload.ready()
    fast_text, fast_open, taken = await _first_screen(fast_service, clock, preload)
    assert taken, "the app did not use the preloaded data"
    assert fast_open is not None and fast_open == slow_open
    assert fast_text == slow_text
    assert "claims" in fast_text


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
