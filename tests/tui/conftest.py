"""Fixtures for the reader's tests: a throwaway WIREDESK_HOME, a frozen clock, a fixture
service with an invented story, and a service on the bundled seeds (``settle`` and the
frozen time live in ``tui_support``)."""

from __future__ import annotations

import asyncio
import inspect
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from corpus import FixtureIds, FixtureService, build_fixture_service
from tmux_driver import TmuxSession
from tui_support import FROZEN_NOW
from wiredesk.core.service import Wiredesk


@pytest.fixture(autouse=True)
def wd_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own home, and no colour/theme settings leak in from the shell."""
    home = tmp_path / "wdhome"
    monkeypatch.setenv("WIREDESK_HOME", str(home))
    for name in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: FROZEN_NOW


@pytest.fixture
def fixture(tmp_path: Path) -> tuple[FixtureService, FixtureIds]:
    return build_fixture_service(tmp_path / "fx" / "index.sqlite3")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    from wiredesk.resources import bundled_dir

    return bundled_dir("seeds")


@pytest.fixture
def seeds_service(tmp_path: Path, seeds_dir: Path) -> Wiredesk:
    service = Wiredesk(tmp_path / "seeds" / "index.sqlite3")
    service.index([str(seeds_dir)])
    return service


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin is a dependency)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def need_tmux() -> None:
    """The end-to-end tests need a real tmux: skipped without one, except in CI, where
    ``.ci/run`` installs it and a skip would hide a missing install step."""
    import os

    from tmux_driver import tmux_available

    if not tmux_available():
        if os.environ.get("CI"):
            pytest.fail("tmux is required for the end-to-end tests in CI (.ci/run installs it)")
        pytest.skip("tmux not installed")


@pytest.fixture
def sessions(need_tmux: None) -> Iterator[list[TmuxSession]]:
    """tmux sessions a test starts; each is closed afterwards, whatever happened."""
    started: list[TmuxSession] = []
    yield started
    for session in started:
        session.close()
