"""Project-wide test setup: every test runs against a throwaway WIREDESK_HOME.

No test may read or write the user's real config or index, and no test may depend on the
developer's environment (colour settings, theme overrides).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wiredesk.resources import bundled_dir


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "wiredesk-home"
    monkeypatch.setenv("WIREDESK_HOME", str(home))
    for var in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def seeds_dir() -> Path:
    """The bundled demo story (five real articles, junk included)."""
    return bundled_dir("seeds")
