"""Themes as data, the user's keymap, NO_COLOR and 16-colour terminals, visits."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_text import screen_text
from tui_support import note_catcher, settle
from wiredesk.core import paths
from wiredesk.core.models import ParsedArticle, Story
from wiredesk.tui.app import WiredeskApp, all_binding_ids
from wiredesk.tui.keymap.config import parse_config
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.themes import APP_VARIABLES, load_themes, theme_from_dict
from wiredesk.tui.widgets import ReadingPane, SourceList

from wiredesk.resources import bundled_dir


def reader(app: WiredeskApp) -> ReaderScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReaderScreen))


NoteCatcher = note_catcher()


def test_shipped_themes_load_with_app_variables() -> None:
    loaded = load_themes([bundled_dir("themes")])
    assert loaded.errors == []
    names = {t.name for t in loaded.themes}
    assert {"wiredesk-dark", "wiredesk-light", "wiredesk-high-contrast"} <= names
    for theme in loaded.themes:
        assert set(APP_VARIABLES) <= set(theme.variables)


@pytest.mark.parametrize(("data", "reason"), [
    ({"primary": "#fff"}, "name"),
    ({"name": "x"}, "primary"),
    ({"name": "x", "primary": "not-a-colour"}, "primary"),
    ({"name": "x", "primary": "#fff", "variables": {"contested": "nope"}}, "contested"),
    ({"name": "x", "primary": "#fff", "colour": "#fff"}, "colour"),
])
def test_theme_validation_names_the_problem(data: dict, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        theme_from_dict(data, "t.toml")


async def test_broken_user_theme_gives_one_notice_and_falls_back(clock, fixture, wd_env: Path) -> None:
    folder = paths.ensure(paths.user_themes_dir())
    (folder / "broken.toml").write_text("name = \"mine\"\nprimary = [oops", encoding="utf-8")
    (folder / "mine.toml").write_text(
        'name = "mine-green"\nprimary = "#00aa00"\n[variables]\ncontested = "#ff00ff"\n', encoding="utf-8")
    paths.config_file().write_text('theme = "mine-green"\n', encoding="utf-8")
    app = NoteCatcher(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        theme_notes = [n for n in app.notes if "broken.toml" in n]
        assert len(theme_notes) == 1
        assert app.theme == "mine-green"
        assert app.theme_variables["contested"].lower() == "#ff00ff"
        assert "mine-green" in app.wiredesk_themes


async def test_unknown_theme_in_config_falls_back_to_default(clock, fixture) -> None:
    paths.ensure(paths.config_dir())
    paths.config_file().write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = NoteCatcher(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "wiredesk-dark"
        assert sum("no-such-theme" in n for n in app.notes) == 1


async def test_user_keymap_moves_a_binding(clock, fixture) -> None:
    paths.ensure(paths.config_dir())
    paths.config_file().write_text('[keymap]\n"claim.next" = "ctrl+n"\n', encoding="utf-8")
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = reader(app).query_one(ReadingPane)
        await pilot.press("n")
        await pilot.pause()
        assert pane.focused_span is None
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pane.focused_text == pane.claims[0].text
        await pilot.press("question_mark")
        await pilot.pause()
        assert "ctrl+n" in str(app.screen.text)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    '[keymap]\n"no.such.id" = "z"\n',
    '[keymap]\n"claim.next" = 5\n',
    '[keymap\n',
    'keymap = "x"\n',
])
async def test_invalid_keymap_gives_one_notice_and_keeps_defaults(clock, fixture, text: str) -> None:
    paths.ensure(paths.config_dir())
    paths.config_file().write_text(text, encoding="utf-8")
    app = NoteCatcher(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert sum("config.toml" in n for n in app.notes) == 1
        pane = reader(app).query_one(ReadingPane)
        await pilot.press("n")
        await pilot.pause()
        assert pane.focused_text == pane.claims[0].text


def test_parse_config_accepts_several_keys() -> None:
    config = parse_config('theme = "x"\n[keymap]\n"app.quit" = "q, ctrl+q"\n', all_binding_ids())
    assert config.error is None
    assert config.keymap == {"app.quit": "q,ctrl+q"}
    assert config.theme == "x"


async def test_statuses_stay_distinguishable_without_colour(clock, fixture, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # the Ledger: contested, agreed and single claims
        await settle(pilot)
        text = screen_text(app)
        assert "◆At least 12" in text
        assert "✓The mayor" in text or "○The mayor" in text
        assert app.no_color


async def test_16_colour_terminal_keeps_glyphs(clock, fixture, monkeypatch) -> None:
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", "standard")
    app = WiredeskApp(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "◆ people killed" in text
        assert "✓ mayor" in text
        assert "○ emergency" in text


async def test_new_since_last_visit(clock, fixture) -> None:
    service, fx = fixture
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sources = reader(app).query_one(SourceList)
        assert {fx.ledger, fx.coastal, fx.wire} <= sources.new_articles
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        new = reader(app).query_one(SourceList).new_articles
        assert new & {fx.ledger, fx.coastal, fx.wire} == set()
        assert fx.hostile in new  # a story never visited: all of it is new since the last visit
        flood = next(line for line in screen_text(app).splitlines() if "Elmbrook" in line)
        assert "new" not in flood
    extra = ParsedArticle(source="late.txt", raw="late", body="A late report on the flood said 11 died.",
                          title="Late report", outlet="Evening Star", published="2031-03-05")
    late = service.index_db.store_file("/fixtures/late.txt", None, [extra]).ids[0]
    story = Story(fx.story, "Elmbrook flood", [fx.ledger, fx.coastal, fx.wire, late])
    hostile = Story(fx.hostile_story, "Hostile", [fx.hostile])
    service.index_db.set_stories([story, hostile], {fx.wire: fx.coastal})
    app = WiredeskApp(service, [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert reader(app).query_one(SourceList).new_articles & set(story.articles) == {late}
        assert "new Evening Star" in screen_text(app)
