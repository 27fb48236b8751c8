"""Themes as data: TOML files turned into Textual ``Theme`` objects.

The shipped themes (``themes/`` in the package) and the user's own (``user_themes_dir()``)
go through the same loader, so a user theme is exactly as capable as a shipped one. A
broken file is reported and skipped, never fatal: a typo in a colour must not stop the
reader from opening.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from ..core.safetext import is_clean

DEFAULT_THEME = "wiredesk-dark"

APP_VARIABLES: dict[str, str] = {
    "contested": "#ff5f87",
    "agreed": "#87d787",
    "single": "#ffd75f",
    "value": "#5fd7ff",
}
"""wiredesk's own theme variables with fallbacks, so any Textual theme can be used too."""

MAX_FILE_BYTES = 256 * 1024
"""Theme and config files are a few hundred bytes; anything this big is not one."""

_COLOUR_KEYS = (
    "primary", "secondary", "warning", "error", "success", "accent",
    "foreground", "background", "surface", "panel", "boost",
)


@dataclass
class ThemeLoad:
    """The themes that loaded and one line per file that did not."""

    themes: list[Theme] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _colour(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where} must be a colour string")
    try:
        Color.parse(value)
    except ColorParseError as exc:
        raise ValueError(f"{where}: {value!r} is not a colour") from exc
    return value


def theme_from_dict(data: dict[str, object], source: str) -> Theme:
    """Validate one theme's data and build the ``Theme``; ValueError names the bad key."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("missing 'name'")
    if not is_clean(name) or "\n" in name or len(name) > 60:  # shown in notes and the palette
        raise ValueError("'name' must be one short line of plain text")
    if "primary" not in data:
        raise ValueError("missing 'primary'")
    known = {*_COLOUR_KEYS, "name", "dark", "variables", "luminosity_spread", "text_alpha"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}")
    colours = {k: _colour(data[k], k) for k in _COLOUR_KEYS if k in data}
    variables_raw = data.get("variables", {})
    if not isinstance(variables_raw, dict):
        raise ValueError("'variables' must be a table")
    variables = {str(k): str(v) for k, v in variables_raw.items()}
    for key in APP_VARIABLES:
        if key in variables:
            _colour(variables[key], f"variables.{key}")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ValueError("'dark' must be true or false")
    return Theme(name=name.strip(), dark=dark, variables={**APP_VARIABLES, **variables}, **colours)


def load_theme_file(path: Path) -> Theme:
    """Read one ``.toml`` theme file; ValueError carries a one-line reason.

    A FIFO would block the start-up forever and a 50,000-deep table overflows the TOML
    parser's stack: both are one reason like any other bad file. A UTF-8 BOM is accepted.
    """
    try:
        if not path.is_file():
            raise ValueError("not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(f"larger than {MAX_FILE_BYTES // 1024} KB")
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc
    try:
        return theme_from_dict(data, str(path))
    except ValueError:
        raise
    except Exception as exc:  # Textual refused the values: one reason, never a crash
        raise ValueError(f"not a usable theme ({type(exc).__name__}: {exc})") from exc


def load_themes(folders: Iterable[Path]) -> ThemeLoad:
    """Load every ``*.toml`` in ``folders`` in order; later files override earlier names."""
    result = ThemeLoad()
    by_name: dict[str, Theme] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = load_theme_file(path)
            except ValueError as exc:
                result.errors.append(f"theme {path.name}: {exc}")
                continue
            by_name[theme.name] = theme
    result.themes = list(by_name.values())
    return result


def theme_folders() -> list[Path]:
    """Shipped themes first, then the user's (which may override a shipped name)."""
    from ..core import paths
    from ..resources import bundled_dir

    folders: list[Path] = []
    with contextlib.suppress(FileNotFoundError):
        folders.append(bundled_dir("themes"))
    folders.append(paths.user_themes_dir())
    return folders
