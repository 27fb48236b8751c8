"""Read ``config.toml``: the user's key bindings (by binding id) and preferred theme.

Every binding in the app has an id (``claim.next``...), so a user can move a key
without knowing the code: ``[keymap] "claim.next" = "n,ctrl+n"``. A bad file never
stops the app: it yields one error line and the defaults.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

_KEY = re.compile(r"^[A-Za-z0-9_+\-\[\]\\/?!.,;:'\"`~@#$%^&*()={}<>|]+$")


@dataclass
class ReaderConfig:
    """What the config file asked for.

    ``keymap`` maps binding ids to comma-separated keys (Textual's ``set_keymap`` shape);
    ``theme`` names a theme or is None; ``error`` is one line when the file was rejected.
    """

    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    error: str | None = None


def _check_keys(keys: object, binding_id: str) -> str:
    if not isinstance(keys, str) or not keys.strip():
        raise ValueError(f"keymap.{binding_id} must be a non-empty string of keys")
    parts = [k.strip() for k in keys.split(",")]
    for part in parts:
        if not part or not _KEY.match(part):
            raise ValueError(f"keymap.{binding_id}: {part!r} is not a key name")
    return ",".join(parts)


KnownIds = Collection[str] | Callable[[], Collection[str]]
"""The valid binding ids, or a function giving them (computed only if a keymap is given)."""


def parse_config(text: str, known_ids: KnownIds) -> ReaderConfig:
    """Parse config text; any problem rejects the whole file (defaults are kept)."""
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))  # editors on Windows write a BOM
    except tomllib.TOMLDecodeError as exc:
        return ReaderConfig(error=f"config.toml is not valid TOML: {exc}; using the defaults")
    except RecursionError:
        return ReaderConfig(error="config.toml is nested too deeply to read; using the defaults")
    try:
        keymap_raw = data.get("keymap", {})
        if not isinstance(keymap_raw, dict):
            raise ValueError("[keymap] must be a table of binding id = \"keys\"")
        keymap: dict[str, str] = {}
        if keymap_raw and callable(known_ids):
            known_ids = known_ids()
        for binding_id, keys in keymap_raw.items():
            if binding_id not in known_ids:
                raise ValueError(f"keymap: unknown binding id {binding_id!r} (see the help screen)")
            keymap[binding_id] = _check_keys(keys, binding_id)
        theme = data.get("theme")
        if theme is not None and not isinstance(theme, str):
            raise ValueError("theme must be a string")
    except ValueError as exc:
        return ReaderConfig(error=f"config.toml: {exc}; using default keys")
    return ReaderConfig(keymap=keymap, theme=theme)


def load_config(path: Path, known_ids: KnownIds) -> ReaderConfig:
    """Read ``path`` if it exists; a missing file is simply the defaults."""
    try:
        if path.exists() and not path.is_file():  # a FIFO would block the start-up
            return ReaderConfig(error="config.toml is not a regular file; using the defaults")
        if path.exists() and path.stat().st_size > 256 * 1024:
            return ReaderConfig(error="config.toml is larger than 256 KB; using the defaults")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ReaderConfig()
    except (OSError, UnicodeDecodeError) as exc:
        return ReaderConfig(error=f"config.toml cannot be read: {exc}; using the defaults")
    return parse_config(text, known_ids)
