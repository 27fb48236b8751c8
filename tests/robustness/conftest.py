"""Shared setup for the robustness tests: hypothesis profiles and small real corpora.

``HYPOTHESIS_PROFILE=long`` runs the property tests for much longer (on demand); the
default ``ci`` profile keeps the whole folder well under a minute.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "long", max_examples=3000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if "HYPOTHESIS_PROFILE" in os.environ:
    # Asked for explicitly: applies to every property test in the session. By default the
    # profile is only applied to this folder's tests (test_properties uses it by name), so
    # collecting this folder does not change other folders' hypothesis settings.
    settings.load_profile(PROFILE_NAME)

REPO = Path(__file__).resolve().parents[2]


def load_kill_trials() -> ModuleType:
    """The kill-trial helpers live in ``benchmarks/`` (a script, not a package)."""
    name = "wiredesk_kill_trials"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "kill_trials.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def kill_trials() -> ModuleType:
    return load_kill_trials()


@pytest.fixture
def corpus(tmp_path: Path, kill_trials: ModuleType) -> Path:
    """Forty small distinct articles in a folder."""
    folder = tmp_path / "corpus"
    kill_trials.make_corpus(folder, 40, seed=7)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "index.sqlite3"


@pytest.fixture
def sub_env(_isolated_home: Path) -> dict[str, str]:
    """Environment for subprocesses: the test's throwaway home."""
    return {**os.environ, "WIREDESK_HOME": str(_isolated_home)}
