"""Hostile article text on the rendered screen: escapes, controls, bidi, zero-width, markup.

Checked on what Textual actually paints (the screenshot of the running app), in the source
list, the reading pane, the header, the notifications and the URL dialog.
"""

from __future__ import annotations

from screen_text import screen_text
from tui_support import settle
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.screens.confirm import ConfirmScreen
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.widgets import ReadingPane, SourceList

FORBIDDEN = ["\x1b", "\x07", "\u202e", "\u202c", "\u200b", "\u200d", "\x9b"]


def assert_inert(text: str) -> None:
    for char in FORBIDDEN:
        assert char not in text, f"{char!r} reached the screen"


async def open_hostile(pilot, fx) -> ReaderScreen:
    app = pilot.app
    screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
    sources = screen.query_one(SourceList)
    sources.highlight_article(fx.hostile)
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_hostile_article_renders_inert_in_list_and_reader(fixture, clock) -> None:
    service, fx = fixture
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = await open_hostile(pilot, fx)
        pane = screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == fx.hostile
        text = screen_text(app)
        assert_inert(text)
        # Markup shows literally, with its brackets, everywhere.
        assert "[link=http://x]y[/link]" in text
        assert "[bold]not bold[/bold]" in text
        assert "[bold]loud[/bold]" in text
        assert "[bold]story[/bold]" in text
        # Escapes and controls become visible stand-ins instead of acting.
        assert "␛[2J" in text
        assert "␛]0;HACKED-TITLE␇" in text
        assert "⸮gnirts⸮" in text
        assert "hidden·zero" in text
        # The whole app is still there: the screen was not wiped, the other panes render.
        assert "Sources" in text and "Facts" in text


async def test_claims_step_through_hostile_text_without_crash(fixture, clock) -> None:
    service, fx = fixture
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_hostile(pilot, fx)
        pane = screen.query_one(ReadingPane)
        for _ in range(len(pane.claims) + 1):
            await pilot.press("n")
            await pilot.pause()
            assert_inert(screen_text(app))
        assert pane.focused_span is not None


async def test_hostile_url_is_inert_in_dialog_and_notification(fixture, clock, monkeypatch) -> None:
    service, fx = fixture
    app = WiredeskApp(service, [], clock=clock)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_hostile(pilot, fx)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert_inert(text)
        assert "http://evil.example/␛]8;;http://phish␇x" in text
        await pilot.press("y")
        await pilot.pause()
        assert opened and "\x1b" not in opened[0] and "\x07" not in opened[0]


async def test_hostile_copy_carries_no_control_characters(fixture, clock) -> None:
    service, fx = fixture
    from wiredesk.core.models import Evidence, Fact, FactValue

    body = service.article(fx.hostile).body
    sentence = "Clear the screen\x1b[2J now."
    start = body.index(sentence)
    service.fixture_facts[fx.hostile_story] = [Fact(
        id="f-evil", story=fx.hostile_story, label="evil \x1b[31mlabel [bold]", kind="count",
        status="single", sources=1,
        values=[FactValue("\x1b]0;x\x07 9", {}, [fx.hostile],
                          [Evidence(fx.hostile, sentence, start, start + len(sentence))])],
    )]
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_hostile(pilot, fx)
        await pilot.press("3", "enter")
        await settle(pilot)
        assert_inert(screen_text(app))
        await pilot.press("3", "y")
        await pilot.pause()
        assert app.clipboard
        assert_inert(app.clipboard)
        assert "evil ␛[31mlabel [bold]" in screen_text(app)


async def test_o_never_offers_a_url_that_is_not_http(fixture, clock, monkeypatch) -> None:
    """An index written before URLs were checked may hold ``file:`` or ``javascript:`` URLs."""
    import dataclasses

    service, fx = fixture
    app = WiredeskApp(service, [], clock=clock)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_hostile(pilot, fx)
        for url in ("file:///etc/passwd", "javascript:alert(1)"):
            screen.articles[fx.hostile] = dataclasses.replace(screen.articles[fx.hostile], url=url)
            await pilot.press("o")
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen)
            assert url not in screen_text(app)
        assert opened == []
