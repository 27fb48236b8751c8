"""Read the text of a rendered Textual screen (from its SVG screenshot), row by row.

Tests assert on what the user would see: this turns ``app.export_screenshot()`` into
plain lines, with each text run placed at its column.
"""

from __future__ import annotations

import html
import re

_RUN = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                  r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>')
_CHAR_W = 12.2


def svg_lines(svg: str) -> list[str]:
    rows: dict[int, list[tuple[int, str]]] = {}
    for x, row, text in _RUN.findall(svg):
        rows.setdefault(int(row), []).append((round(float(x) / _CHAR_W), html.unescape(text).replace("\n", "")))
    out: list[str] = []
    for row in range(max(rows) + 1 if rows else 0):
        line = ""
        for col, text in sorted(rows.get(row, [])):
            line = line.ljust(col) + text
        out.append(line.replace("\xa0", " "))
    return out


def screen_text(app) -> str:
    return "\n".join(svg_lines(app.export_screenshot()))
