"""Wrapping with offsets and hanging indents (the reading pane and the lists rely on both)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from wiredesk.tui.wrapping import hanging, wrap_spans

WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=14), min_size=1, max_size=40)


@given(WORDS, st.integers(min_value=12, max_value=60), st.integers(min_value=0, max_value=6))
def test_spans_cover_the_text_and_fit(words: list[str], width: int, indent: int) -> None:
    plain = " ".join(words)
    spans = wrap_spans(plain, width, indent)
    assert spans[0][0] == 0 and spans[-1][1] == len(plain)
    assert all(a[1] == b[0] for a, b in pairwise(spans))  # no gap, no overlap
    for i, (start, end) in enumerate(spans):
        room = width if i == 0 else width - indent
        assert cell_len(plain[start:end].rstrip()) <= room


def test_hard_breaks_start_a_line_without_the_indent() -> None:
    spans = wrap_spans("first line\nsecond", 40, 4)
    assert [("first line\nsecond")[s:e] for s, e in spans] == ["first line", "second"]


def test_hanging_indents_continuation_lines() -> None:
    out = hanging(Text("▶ Outlet  a value that is much too long for one line"), 24, 10)
    lines = out.plain.split("\n")
    assert len(lines) > 1
    assert all(line.startswith(" " * 10) and line[10] != " " for line in lines[1:])
    assert all(cell_len(line) <= 24 for line in lines)
