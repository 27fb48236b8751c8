"""Search results for a query the user has already changed are dropped, not shown."""

from __future__ import annotations

from textual.widgets import OptionList
from tui_support import settle
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.messages import SearchResults
from wiredesk.tui.screens.search import SearchScreen


async def test_results_of_an_older_query_are_dropped(fixture, clock) -> None:
    service, fx = fixture
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"sandbags")
        await settle(pilot)
        hits = screen.query_one("#search-hits", OptionList)
        current = [hits.get_option_at_index(i).id for i in range(hits.option_count)]
        assert current == [fx.coastal]
        stale = service.article(fx.ledger)
        screen.post_message(SearchResults("sand", [(stale, "an older answer")]))  # arrives late
        await settle(pilot)
        assert [hits.get_option_at_index(i).id for i in range(hits.option_count)] == current
        screen.post_message(SearchResults("sandbags", [(stale, "the current answer")]))
        await settle(pilot)
        assert [hits.get_option_at_index(i).id for i in range(hits.option_count)] == [fx.ledger]
