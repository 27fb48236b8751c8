"""Word wrapping that keeps offsets, so a wrapped line knows which characters it holds.

Rich's ``Text.wrap`` drops trailing spaces and returns new ``Text`` objects; the reading
pane needs each line's span of the paragraph (to tell which lines a sentence covers, and
to repaint only those) and a hanging indent for continuation lines.
"""

from __future__ import annotations

from rich.cells import cell_len


def wrap_spans(plain: str, width: int, indent: int = 0) -> list[tuple[int, int]]:
    """Like ``_wrap_hard_line`` over each ``\\n``-separated line; the newlines are in no span."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, hard in enumerate(plain.split("\n")):
        for s, e in _wrap_hard_line(hard, width, indent if i == 0 else 0, first=not spans):
            spans.append((pos + s, pos + e))
        pos += len(hard) + 1
    return spans or [(0, 0)]


def _wrap_hard_line(plain: str, width: int, indent: int, *, first: bool) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``plain`` wrapped at ``width`` cells.

    Continuation lines have ``width - indent`` cells (the caller paints the indent). Lines
    break after spaces; a word longer than a line is cut. Spaces at a break stay on the
    line they end (they are trailing and invisible). Every character is in exactly one span.
    """
    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(plain)
    while start < n:
        room = width if not spans and first else max(width - indent, 1)
        pos, used, last_break = start, 0, -1
        while pos < n:
            ch = plain[pos]
            w = cell_len(ch)
            if ch == " ":
                last_break = pos + 1
            elif used + w > room:
                break
            if ch != " ":
                used += w
            else:
                used += 1
            pos += 1
        if pos >= n:
            spans.append((start, n))
            break
        end = last_break if last_break > start else max(pos, start + 1)
        # absorb the spaces that follow the break point
        while end < n and plain[end] == " ":
            end += 1
        spans.append((start, end))
        start = end
    return spans or [(0, 0)]


def hanging(text, width: int, indent: int):
    """``text`` (a ``rich.text.Text``) wrapped at ``width`` with continuation lines indented
    by ``indent`` spaces: lists that wrap a row keep it readable as one item."""
    from rich.text import Text

    out = Text()
    for i, (start, end) in enumerate(wrap_spans(text.plain, width, indent)):
        if i:
            out.append("\n" + " " * indent)
        piece = text[start:end]
        piece.rstrip()
        out.append_text(piece)
    return out
