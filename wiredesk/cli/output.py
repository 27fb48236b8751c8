"""Printing for the CLI: inert rich tables for people, stable JSON for scripts.

Article-derived strings are untrusted. Tables get ``rich.text.Text`` cells built from
``inert()`` text (never markup); JSON escapes every character a terminal could obey, so even
``wiredesk show ID --json`` piped to a terminal cannot retitle the window or reorder text.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from wiredesk.core.safetext import inert, one_line

# Characters json.dumps(ensure_ascii=False) would write raw but a terminal would act on or
# hide: C1 controls, bidi controls, zero-width and separator characters.
_JSON_ESCAPES = {
    c: f"\\u{c:04x}"
    for c in [
        *range(0x7F, 0xA0), 0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060,
        0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
    ]
}


def dumps(data: Any) -> str:
    """JSON text with readable Unicode but every terminal-active character escaped."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)


def print_json(data: Any, file: TextIO | None = None) -> None:
    out = file or sys.stdout
    out.write(dumps(data) + "\n")


def console(file: TextIO | None = None) -> Console:
    """A console that never interprets markup or highlights: cells are Text objects."""
    return Console(file=file, highlight=False, markup=False, emoji=False, soft_wrap=False)


def cell(text: str | None, limit: int | None = None, style: str = "") -> Text:
    """A one-line, inert table cell."""
    return Text(one_line(text, limit), style=style)


def block(text: str, style: str = "") -> Text:
    """Multi-line inert text (article bodies)."""
    return Text(inert(text), style=style)


def table(*columns: str, title: str | None = None) -> Table:
    t = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for name in columns:
        t.add_column(name, overflow="fold")
    return t


def error(message: str) -> None:
    """One line on stderr, inert: messages often quote file names and article text."""
    sys.stderr.write("wiredesk: " + one_line(message) + "\n")
    sys.stderr.flush()
