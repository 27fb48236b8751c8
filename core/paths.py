"""Where wiredesk keeps its config, index, themes and logs.

Computed on demand (never at import time) from ``platformdirs``; ``WIREDESK_HOME``
overrides all of them so tests and scripts can use a throwaway folder. Nothing here creates
folders: callers that write make the folder they need with ``ensure``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "wiredesk"
HOME_ENV = "WIREDESK_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The index, triage state and logs live here."""
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """``config.toml`` (key bindings, theme) and the user's ``themes/`` live here."""
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_db_path() -> Path:
    """The index database used when ``--db`` is not given."""
    return data_dir() / "index.sqlite3"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def config_file() -> Path:
    return config_dir() / "config.toml"


def log_dir() -> Path:
    return data_dir() / "logs"


def ensure(path: Path) -> Path:
    """Create ``path`` (a folder) if missing and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
