"""10,000 articles: the source list stays small (folded stories) and keys stay responsive."""

from __future__ import annotations

from pathlib import Path

from tui_support import settle
from wiredesk.core.models import ParsedArticle, Story
from wiredesk.core.service import Wiredesk
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import SourceList
from wiredesk.tui.widgets.source_list import MORE, PAGE

ARTICLES, PER_STORY = 10_000, 10


async def test_ten_thousand_articles_list_and_scroll(tmp_path: Path, clock) -> None:
    service = Wiredesk(tmp_path / "big" / "index.sqlite3")
    parsed = [
        ParsedArticle(source=f"a{i}", raw=f"article {i}", body=f"Report {i} said {i % 97} people attended.",
                      title=f"Report number {i}", outlet=f"Outlet {i % 40}", published="2030-01-01")
        for i in range(ARTICLES)
    ]
    ids = list(service.index_db.store_file("/bulk/feed.xml", None, parsed).ids)
    stories = [Story(f"s{n}", f"Story {n}", ids[n * PER_STORY:(n + 1) * PER_STORY])
               for n in range(ARTICLES // PER_STORY)]
    service.index_db.set_stories(stories, {})
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        sources = screen.query_one(SourceList)
        assert len(sources.articles) == ARTICLES  # paged in after the first paint
        # Folded stories, one open, one page of headers and a "more stories" row.
        assert sources.option_count == PAGE + PER_STORY + 1
        assert sources.get_option_at_index(sources.option_count - 1).id == MORE
        for _ in range(80):  # past the end of the first page: the next one is built
            await pilot.press("j")
        assert sources.option_count == 2 * PAGE + PER_STORY + 1
        await pilot.press("G")
        await pilot.pause()
        assert sources.option_count == len(stories) + PER_STORY  # every header, no "more" row
        assert sources.highlighted == sources.option_count - 1
