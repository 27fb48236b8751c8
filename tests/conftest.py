"""Project-wide test setup: every test runs against a throwaway WIREDESK_HOME.

No test may read or write the user's real config or index, and no test may depend on the
developer's environment (colour settings, theme overrides).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from wiredesk.resources import bundled_dir

# Property tests check behaviour, not speed: hypothesis's wall-clock checks (a per-example
# deadline, "data generation is too slow") fail on a loaded machine and say nothing about
# the code. Speed is measured in benchmarks/. Folders may load stricter profiles by name.
settings.register_profile("wiredesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("wiredesk")


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
