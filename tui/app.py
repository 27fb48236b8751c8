"""The wiredesk reader application.

The app receives its one data source, a ``Wiredesk`` service, as a constructor argument
(tests hand it one on a temporary index) and a ``clock`` (tests freeze it). It owns what is
app-wide: themes, the user's keymap, the help screen, the command palette, and the single
place where failed workers become a notification instead of a crash.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..core.safetext import one_line
from ..core.service import Wiredesk
from .keymap.config import ReaderConfig, load_config
from .preload import EarlyRead
from .screens.reader import ReaderScreen
from .themes import APP_VARIABLES, DEFAULT_THEME, load_themes, theme_folders

STARTUP_GC_LIMIT = 3.0
"""Seconds after which the collector is turned back on even if the first paint has not come."""


class WiredeskApp(App[int]):
    """Keyboard-driven reader: sources, article with claims marked, facts across outlets."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "wiredesk"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit wiredesk"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help",
                tooltip="List every key binding"),
        Binding("t", "cycle_theme", "Theme", show=False, id="app.theme", tooltip="Next theme"),
    ]

    def __init__(
        self,
        service: Wiredesk,
        paths: Iterable[str] = (),
        *,
        clock: Callable[[], datetime] | None = None,
        config_path: Path | None = None,
        themes_from: list[Path] | None = None,
        handle_signals: bool = False,
        gc_paused: bool = False,
        early_read: EarlyRead | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self._started = False
        self._css_current = False
        self._after_start: list[Callable[[], None]] = []
        self.early_read = early_read
        """The first screen's data, being read while Textual starts (``run_reader`` starts it);
        the reader screen takes it when it mounts, or starts the read itself."""
        self._gc_paused = gc_paused
        self.paths = list(paths)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.handle_signals = handle_signals
        self.startup_notes: list[str] = []
        loaded = load_themes(themes_from if themes_from is not None else theme_folders())
        self.startup_notes.extend(loaded.errors)
        self.wiredesk_themes = [t.name for t in loaded.themes]
        for theme in loaded.themes:
            try:
                self.register_theme(theme)
            except Exception as exc:  # a theme Textual refuses costs that theme, not the app
                self.startup_notes.append(one_line(f"theme {theme.name}: {type(exc).__name__}: {exc}", 200))
                self.wiredesk_themes.remove(theme.name)
        from ..core import paths as wd_paths

        self.config_path = config_path
        self.config: ReaderConfig = load_config(config_path or wd_paths.config_file(), all_binding_ids)
        if self.config.error:
            self.startup_notes.append(self.config.error)
        elif self.config.keymap:
            from .keymap.conflicts import find_conflict

            clash = find_conflict(self.config.keymap, binding_scopes())
            if clash:  # e.g. q moved to another action would stop quitting: keep the defaults
                self.startup_notes.append(f"config.toml: {clash}; using default keys")
                self.config.keymap = {}
        before = self.theme
        self.theme = self._initial_theme()
        # Changing the theme queued a refresh_css: a full re-parse of every stylesheet and a
        # restyle of every node, before the first frame (~6 ms). Nothing is parsed yet, so the
        # stylesheet takes the theme's variables now, the first parse is the right one, and
        # that queued refresh is skipped (``refresh_css``). The same theme as Textual's own
        # start-up theme (textual-dark, or TEXTUAL_THEME) queues nothing: nothing to skip then,
        # else the user's first theme change would be the one skipped.
        if self.theme != before:
            self.stylesheet.set_variables(self.get_css_variables())
            self._css_current = True

    def _initial_theme(self) -> str:
        """The config's theme, else ``TEXTUAL_THEME``, else wiredesk's dark theme."""
        wanted = self.config.theme
        if wanted and wanted not in self.available_themes:
            self.startup_notes.append(f"theme {one_line(wanted, 40)!r} not found; using the default")
            wanted = None
        for name in (wanted, os.environ.get("TEXTUAL_THEME"), DEFAULT_THEME):
            if name and name in self.available_themes:
                return name
        return "textual-dark"

    def refresh_css(self, animate: bool = True) -> None:
        if self._css_current:  # the start-up theme's refresh: parsed with its variables already
            self._css_current = False
            return
        super().refresh_css(animate)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for note in self.startup_notes:
            self.notify(one_line(note, 300), severity="warning", markup=False, timeout=8)  # quotes files
        if self.handle_signals:
            self._install_signal_handlers()
        self.push_screen(ReaderScreen(self.paths))
        if self._gc_paused:
            self.set_timer(STARTUP_GC_LIMIT, self.end_startup)  # in case the first paint is slow

    def on_ready(self) -> None:
        """Textual's start-up batch is over. Inside it, after-refresh callbacks run without a
        frame being written (the first screen, applied that early, was not on the terminal
        yet when the reader's post-paint work began and delayed it); from here they follow a
        real frame."""
        self._started = True
        self._css_current = False  # whatever happens, no later refresh_css is skipped
        for callback in self._after_start:
            self.call_after_refresh(callback)
        self._after_start.clear()

    def after_first_frame(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` after a frame has been written to the terminal."""
        if self._started:
            self.call_after_refresh(callback)
        else:
            self._after_start.append(callback)

    def end_startup(self) -> None:
        """The first screen is up: turn the cyclic collector back on (``run_reader`` paused it).

        What start-up built lives as long as the app, so it is frozen first: later
        collections, which run between key presses, no longer walk it.
        """
        if self._gc_paused:
            self._gc_paused = False
            gc.freeze()
            gc.enable()

    def get_driver_class(self) -> type:
        """Textual's driver for this platform; on Linux one whose screen writes survive the
        terminal going away (``terminal_loss``: the reader leaves instead of hanging)."""
        base = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if issubclass(base, LinuxDriver):
            from .terminal_loss import safe_driver

            return safe_driver(base)
        return base

    def _install_signal_handlers(self) -> None:
        """SIGTERM/SIGHUP: leave through the normal exit path so the driver restores the terminal;
        workers run where leaving does not wait for them (``exit_fast``)."""
        import asyncio

        loop = asyncio.get_running_loop()
        from .exit_fast import DaemonExecutor

        loop.set_default_executor(DaemonExecutor())  # q and signals never wait for a busy worker
        for signum in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, partial(self.exit, return_code=128 + signum))

    # -- the one place worker failures land ----------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker state messages do not bubble: screens forward theirs here."""
        self.report_worker(event)

    def report_worker(self, event: Worker.StateChanged) -> None:
        """A failed worker becomes one error notification; the app keeps running."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            reason = one_line(f"{type(error).__name__}: {error}", 200)
            self.notify(reason, title=f"{event.worker.group or 'task'} failed", severity="error",
                        markup=False, timeout=10)

    # -- actions -------------------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen, help_text

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(help_text(self.binding_sections())))

    def action_cycle_theme(self) -> None:
        names = self.wiredesk_themes or [self.theme]
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        from ..core import paths as wd_paths
        from .keymap.save_theme import save_theme

        problem = save_theme(self.config_path or wd_paths.config_file(), self.theme)
        saved = "" if problem else " (saved in config.toml)"
        self.notify(f"Theme: {one_line(self.theme, 60)}{saved}" + (f"\n{problem}" if problem else ""), markup=False,
                    timeout=3, severity="warning" if problem else "information")

    # -- bindings: help screen and command palette ---------------------------------------

    def binding_sections(self) -> list[tuple[str, list[tuple[str, Binding]]]]:
        """Every binding with its current keys (after the user's keymap), grouped by pane."""
        overrides = self.config.keymap
        sections = []
        for title, bindings in binding_groups():
            rows = [(overrides.get(b.id or "", _display(b)), b) for b in bindings]
            sections.append((title, rows))
        return sections

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = next((s for s in self.screen_stack if isinstance(s, ReaderScreen)), None)
        for title, bindings in binding_groups():
            if title in ("Panes", "Dialogs"):
                continue
            target = self if title == "App" else reader
            if target is None:
                continue
            for binding in bindings:
                help_ = f"key {_display(binding)} · {binding.id}"
                title_ = binding.tooltip or binding.description
                yield SystemCommand(title_, help_, partial(target.run_action, binding.action))


def _display(binding: Binding) -> str:
    return binding.key_display or binding.key


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """Bindings by where they act; the single source for help, palette and keymap checks."""
    from .screens.confirm import ConfirmScreen
    from .screens.help import HelpScreen
    from .screens.search import SearchScreen
    from .screens.timeline import TimelineScreen
    from .screens.verdict import VerdictScreen
    from .widgets import FactsPanel, ReadingPane, SourceList

    def bindings(cls: type) -> list[Binding]:
        return [b for b in cls.BINDINGS if isinstance(b, Binding)]

    return [
        ("App", bindings(WiredeskApp)),
        ("Reader", bindings(ReaderScreen)),
        ("Panes", bindings(SourceList) + bindings(ReadingPane) + bindings(FactsPanel)),
        ("Dialogs", bindings(HelpScreen) + bindings(SearchScreen) + bindings(ConfirmScreen)
         + bindings(VerdictScreen) + bindings(TimelineScreen)),
    ]


def binding_scopes() -> list[dict[str, str]]:
    """The bindings active together (binding id -> default keys), for conflict checks."""
    from .screens.confirm import ConfirmScreen
    from .screens.help import HelpScreen
    from .screens.search import SearchScreen
    from .widgets import FactsPanel, ReadingPane, SourceList

    def ids(*classes: type) -> dict[str, str]:
        return {b.id: b.key for cls in classes for b in cls.BINDINGS if isinstance(b, Binding) and b.id}

    reader = (WiredeskApp, ReaderScreen)
    return [ids(*reader, pane) for pane in (SourceList, ReadingPane, FactsPanel)] + [
        ids(WiredeskApp, dialog) for dialog in (HelpScreen, SearchScreen, ConfirmScreen)
    ]


def all_binding_ids() -> set[str]:
    return {b.id for _, group in binding_groups() for b in group if b.id}
