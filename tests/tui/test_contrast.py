"""Every text/background pair the reader paints on the seeds' screens reaches WCAG 4.5:1,
in every shipped theme, in truecolor, under NO_COLOR and in a 16-colour terminal."""

from __future__ import annotations

import pytest
import textual.constants
from contrast_audit import failing, painted_pairs
from tui_support import settle
from wiredesk.tui.app import WiredeskApp
from wiredesk.tui.contrast import contrast, readable, reader_colours
from wiredesk.tui.themes import load_themes, theme_folders

THEMES = ["wiredesk-dark", "wiredesk-light", "wiredesk-high-contrast"]
SCREENS = {
    "start": [],
    "article": ["2", "n", "n"],
    "facts": ["c"],
    "jump": ["c", "enter", "right_square_bracket"],
    "help": ["question_mark"],
}


def test_every_shipped_theme_is_checked() -> None:
    shipped = {t.name for t in load_themes(theme_folders()[:1]).themes}
    assert shipped == set(THEMES)


@pytest.mark.parametrize("mode", ["truecolor", "no_color", "sixteen"])
@pytest.mark.parametrize("theme", THEMES)
async def test_every_painted_pair_is_readable(seeds_service, clock, monkeypatch, theme: str, mode: str) -> None:
    if mode == "no_color":
        monkeypatch.setenv("NO_COLOR", "1")
    if mode == "sixteen":
        monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    problems: list[str] = []
    for name, keys in SCREENS.items():
        app = WiredeskApp(seeds_service, [], clock=clock)
        app.theme = theme
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            for key in keys:
                await pilot.press(key)
                await settle(pilot, 2)
            pairs = painted_pairs(app, sixteen=mode == "sixteen")
            assert len(pairs) > 20, f"{name}: nothing painted?"
            problems += [f"{name}: {line}" for line in failing(pairs)]
    assert problems == []


def test_readable_lifts_any_pair_over_the_line() -> None:
    from textual.color import Color

    for fg, bg in [("#ff5f87", "#ff5f87"), ("#808080", "#7f7f7f"), ("#fafafa", "#ffffff"), ("#000000", "#101010")]:
        lifted = readable(Color.parse(fg), Color.parse(bg))
        assert contrast(lifted, Color.parse(bg)) >= 4.5


def test_tints_are_tints_not_blocks() -> None:
    """A contested sentence's background stays near the page, not the full status colour."""
    from textual.color import Color

    bg = Color.parse("#1c1c1c")
    colours = reader_colours({"contested": "#ff5f87"}, bg, Color.parse("#e4e4e4"))
    tint = Color.from_rich_color(colours.contested.bgcolor)
    assert tint != Color.parse("#ff5f87")
    assert contrast(tint, bg) < 1.6
    assert contrast(Color.from_rich_color(colours.contested.color), tint) >= 4.5
