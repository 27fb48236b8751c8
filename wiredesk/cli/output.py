"""Printing for the CLI: inert rich tables for people, plain lines for pipes, stable JSON.

Every string printed goes through ``wiredesk.core.safetext`` here, in one place: table
cells, titles and captions are ``rich.text.Text`` built from ``one_line``/``inert`` text
(never markup), JSON escapes every character a terminal could obey (``for_json``), and error
lines are ``one_line``. So even ``wiredesk show ID --json`` or a story label piped to a
terminal cannot retitle the window, write the clipboard or reorder text.

On a terminal tables are drawn with box characters; piped, they become plain lines (one row
a line, cells separated by tabs, no box drawing, no wrapping), which is what ``grep``,
``cut`` and ``head`` expect.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..core.safetext import for_json, inert, one_line


def dumps(data: Any) -> str:
    """JSON text with readable Unicode but every terminal-active character escaped."""
    return for_json(json.dumps(data, ensure_ascii=False, indent=2))


def print_json(data: Any, file: TextIO | None = None) -> None:
    out = file or sys.stdout
    out.write(dumps(data) + "\n")


def is_terminal(file: TextIO | None = None) -> bool:
    out = file or sys.stdout
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


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
    """A table whose title is inert text (a story label is article-derived)."""
    t = Table(title=cell(title) if title else None, show_lines=False, header_style="bold", expand=False)
    for name in columns:
        t.add_column(name, overflow="fold")
    return t


def print_table(t: Table, file: TextIO | None = None) -> None:
    """Draw ``t`` on a terminal; write it as plain tab-separated lines when piped."""
    out = file or sys.stdout
    if is_terminal(out):
        console(out).print(t)
        return
    lines: list[str] = []
    if t.title:
        lines.append(_plain(t.title))
    lines.append("\t".join(_plain(c.header) for c in t.columns))
    cells = [list(c.cells) for c in t.columns]
    for row in zip(*cells, strict=True):
        lines.append("\t".join(_plain(value) for value in row))
    if t.caption:
        lines.append(_plain(t.caption))
    out.write("".join(line + "\n" for line in lines))


def _plain(value: object) -> str:
    """One cell as one plain, inert line (a multi-line cell's lines joined by ' | ')."""
    text = value.plain if isinstance(value, Text) else str(value)
    return " | ".join(one_line(part) for part in text.split("\n") if part.strip())


def print_line(text: str, file: TextIO | None = None) -> None:
    """One inert line, never wrapped (summaries and doctor lines)."""
    out = file or sys.stdout
    out.write(one_line(text) + "\n")


def print_body(text: str, file: TextIO | None = None) -> None:
    """An article body as it is stored: inert, unwrapped (the terminal wraps), no trailing
    spaces."""
    out = file or sys.stdout
    body = "\n".join(line.rstrip() for line in inert(text).split("\n"))
    out.write(body.rstrip("\n") + "\n")


def error(message: str) -> None:
    """One line on stderr, inert: messages often quote file names and article text."""
    sys.stderr.write("wiredesk: " + one_line(message) + "\n")
    sys.stderr.flush()
