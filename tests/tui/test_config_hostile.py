"""Hostile config and theme files: one notification and the defaults, never a crash or a hang;
a key bound twice by the user's keymap is reported; a UTF-8 BOM is fine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tui_support import note_catcher, settle, wait_until
from wiredesk.core import paths
from wiredesk.tui.app import all_binding_ids, binding_scopes
from wiredesk.tui.keymap.config import load_config, parse_config
from wiredesk.tui.keymap.conflicts import find_conflict
from wiredesk.tui.screens.reader import ReaderScreen
from wiredesk.tui.themes import load_themes
from wiredesk.tui.widgets import ReadingPane

DEEP = "a = " + "[" * 50_000 + "]" * 50_000 + "\n"


NoteCatcher = note_catcher()


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'\xef\xbb\xbftheme = "wiredesk-light"\n[keymap]\n"claim.next" = "ctrl+n"\n')
    config = load_config(path, all_binding_ids())
    assert config.error is None and config.theme == "wiredesk-light"
    assert config.keymap == {"claim.next": "ctrl+n"}


def test_deep_nesting_is_one_error_line() -> None:
    config = parse_config(DEEP, all_binding_ids())
    assert config.error and "\n" not in config.error and config.keymap == {}


def test_bad_theme_files_are_each_one_line_and_never_block(tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text(DEEP, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.toml")  # reading it would block the start-up forever
    (tmp_path / "bom.toml").write_bytes(b'\xef\xbb\xbfname = "bom"\nprimary = "#00aa00"\n')
    loaded = load_themes([tmp_path])
    assert [t.name for t in loaded.themes] == ["bom"]
    assert sorted(e.split(":")[0] for e in loaded.errors) == ["theme deep.toml", "theme fifo.toml"]
    assert all("\n" not in e for e in loaded.errors)


@pytest.mark.parametrize(("keymap", "clash"), [
    ({"claim.next": "q"}, "'q' is bound to both app.quit and claim.next"),
    ({"claim.next": "j"}, "'j' is bound to both claim.next and sources.down"),
    ({"app.quit": "n"}, "'n' is bound to both app.quit and claim.next"),
])
def test_duplicate_bindings_are_found(keymap: dict[str, str], clash: str) -> None:
    assert find_conflict(keymap, binding_scopes()) == f"key {clash}"


@pytest.mark.parametrize("keymap", [{}, {"app.quit": "q,ctrl+q"}, {"claim.next": "n,ctrl+n"}])
def test_defaults_and_harmless_remaps_are_no_conflict(keymap: dict[str, str]) -> None:
    assert find_conflict(keymap, binding_scopes()) is None


@pytest.mark.parametrize("text", ['[keymap]\n"claim.next" = "q"\n', DEEP])
async def test_the_reader_opens_with_one_notice_and_default_keys(clock, fixture, text: str) -> None:
    paths.ensure(paths.config_dir())
    paths.config_file().write_text(text, encoding="utf-8")
    folder = paths.ensure(paths.user_themes_dir())
    (folder / "deep.toml").write_text(DEEP, encoding="utf-8")  # a bad theme, not even selected
    app = NoteCatcher(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert sum("config.toml" in n for n in app.notes) == 1
        assert sum("deep.toml" in n for n in app.notes) == 1
        screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        pane = screen.query_one(ReadingPane)
        await pilot.press("n")  # the default key still moves to the first claim
        await pilot.pause()
        assert pane.focused_text == pane.claims[0].text
        await pilot.press("q")  # and q still quits (a clashing remap once took it silently)
        await wait_until(pilot, lambda: app.return_code is not None, "q to quit the reader")
        assert app.return_code == 0


async def test_hostile_theme_names_and_file_names_are_inert(clock, fixture) -> None:
    import unicodedata

    folder = paths.ensure(paths.user_themes_dir())
    (folder / "evil.toml").write_text('name = "x\\u001b]0;HACKED\\u0007\\u202e"\nprimary = "#00aa00"\n',
                                      encoding="utf-8")
    (folder / "bad\x1b]0;HACKED\x07\u2062.toml").write_text("name = [", encoding="utf-8")
    app = NoteCatcher(fixture[0], [], clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        theme_notes = [n for n in app.notes if n.startswith("theme ")]
        assert len(theme_notes) == 2, app.notes
        assert any("evil.toml" in n and "plain text" in n for n in theme_notes)
        for note in app.notes:
            assert not [c for c in note if unicodedata.category(c) in ("Cc", "Cf")], note
        assert not any("HACKED" in name and "\x1b" in name for name in app.available_themes)
