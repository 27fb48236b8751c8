"""Fixtures for the reader's tests: a throwaway WIREDESK_HOME, a frozen clock, a fixture
service with an invented story, a service on the bundled seeds, and a ``settle`` helper that
waits until every worker has reported back."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from corpus import FixtureIds, FixtureService, build_fixture_service
from wiredesk.core.service import Wiredesk

FROZEN_NOW = datetime(2031, 3, 5, 12, 0, tzinfo=UTC)


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


async def settle(pilot, rounds: int = 4) -> None:
    """Wait for workers and the messages they post, a few times (workers start workers)."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(rounds):
        # A failed worker is reported by the app (a notification); tests assert on that.
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin is a dependency)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
