"""SVG snapshots of the reader at 80×24, 120×40 and 160×48 (fixed clock, fixture service, no
blink); each shipped theme at one size, everything else in the default theme.

Update them on purpose with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and
look at the report before committing.
"""

from __future__ import annotations

import pytest
from tui_support import settle
from wiredesk.tui.app import WiredeskApp


def _app(fixture, clock, theme: str | None = None) -> WiredeskApp:
    app = WiredeskApp(fixture[0], [], clock=clock)
    if theme:
        app.theme = theme
    return app


@pytest.mark.parametrize(("name", "size", "keys"), [
    ("start", (80, 24), []),
    ("article", (80, 24), ["j", "enter"]),
    ("facts", (80, 24), ["c"]),
    ("jump", (80, 24), ["c", "right_square_bracket"]),
    ("help", (80, 24), ["question_mark"]),
    ("mid_start", (120, 40), []),
    ("mid_jump", (120, 40), ["c", "enter", "right_square_bracket"]),
    ("wide_start", (160, 48), []),
    ("wide_jump", (160, 48), ["3", "enter"]),
], ids=["start", "article", "facts", "jump", "help", "mid_start", "mid_jump", "wide_start", "wide_jump"])
def test_reader_snapshot(snap_compare, fixture, clock, name: str, size: tuple[int, int], keys: list[str]) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(_app(fixture, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("theme", ["wiredesk-light", "wiredesk-high-contrast"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)], ids=["80x24", "120x40", "160x48"])
def test_theme_snapshot(snap_compare, fixture, clock, theme: str, size: tuple[int, int]) -> None:
    """Each shipped theme at each layout width (one pane, two, three), walking a fact."""
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        if size[0] >= 100:
            await pilot.press("3", "enter", "right_square_bracket")
            await settle(pilot)

    assert snap_compare(_app(fixture, clock, theme), terminal_size=size, run_before=run_before)


def test_hostile_snapshot(snap_compare, fixture, clock) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)

    assert snap_compare(_app(fixture, clock), terminal_size=(160, 48), run_before=run_before)


def test_wire_cluster_snapshot(snap_compare, tmp_path, clock) -> None:
    """A wire text carried by five outlets, its cluster opened and a reprint read beside it."""
    from corpus import build_wire_cluster_service

    service, _fx, _cl = build_wire_cluster_service(tmp_path / "cl" / "index.sqlite3")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("space", "j", "enter")
        await settle(pilot)

    assert snap_compare(WiredeskApp(service, [], clock=clock), terminal_size=(120, 40), run_before=run_before)
