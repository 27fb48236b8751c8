"""Write the chosen theme back to ``config.toml`` so ``t`` is remembered across runs.

Only the top-level ``theme = ...`` line is touched: the user's comments, keymap and the
order of their file stay as they wrote them. A file that does not parse is left alone
(overwriting it could lose what they were in the middle of writing).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from pathlib import Path

_THEME_LINE = re.compile(r"^[ \t]*theme[ \t]*=.*$", re.MULTILINE)
_TABLE = re.compile(r"^[ \t]*\[", re.MULTILINE)


def with_theme(text: str, name: str) -> str:
    """``text`` with its top-level ``theme`` set to ``name`` (added at the top if missing)."""
    line = f"theme = {json.dumps(name)}"
    table = _TABLE.search(text)
    top = text[: table.start()] if table else text
    if _THEME_LINE.search(top):
        return _THEME_LINE.sub(line, top, count=1) + text[len(top):]
    return f"{line}\n{text}"


def save_theme(path: Path, name: str) -> str | None:
    """Set the theme in ``path`` atomically; returns a one-line reason when it cannot."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        return f"config.toml cannot be read: {exc}"
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "config.toml is not valid TOML; the theme was not saved"
    new = with_theme(text, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(new)
        os.replace(tmp, path)
    except OSError as exc:
        return f"theme not saved: {exc}"
    return None
