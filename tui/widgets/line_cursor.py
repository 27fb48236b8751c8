"""A list cursor that repaints two options, not the list.

``OptionList.highlighted`` repaints the whole widget on every move: over SSH a ``j`` in
the source list cost 12 KB at 120×40. Lists that mix this in declare ``highlighted`` with
``repaint=False`` and repaint only the lines of the option left and the option entered
(a move that scrolls still repaints the view, as it must).
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip


class LineCursor:
    """Mix into an ``OptionList`` subclass that re-declares
    ``highlighted = reactive(None, repaint=False)``."""

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(new)  # type: ignore[misc]  # scrolls and posts OptionHighlighted
        for index in {old, new}:
            self._repaint_option(index)

    def _repaint_option(self, index: int | None) -> None:
        if index is None:
            return
        try:
            # Textual 8.2 keeps an option's first line and height here (pinned in pyproject).
            y = self._index_to_line[index]  # type: ignore[attr-defined]
            height = self._heights[index]  # type: ignore[attr-defined]
        except (KeyError, IndexError, AttributeError):
            self.refresh()  # type: ignore[attr-defined]
            return
        self.refresh_lines(y, height)  # type: ignore[attr-defined]

    def replace_prompt_in_place(self, option_id: str, prompt) -> None:
        """Replace one option's prompt and repaint only its lines.

        ``OptionList.replace_option_prompt`` drops every cached render and repaints the whole
        list (a ``▶`` moving on open cost a full pane over SSH). When the new prompt has as
        many lines as the old, only this option's cached renders are dropped; otherwise, or
        if Textual's internals moved, the public method does the full job.
        """
        try:
            index = self.get_option_index(option_id)  # type: ignore[attr-defined]
            option = self.get_option_at_index(index)  # type: ignore[attr-defined]
            height = self._heights[index]  # type: ignore[attr-defined]
            new_height = len(str(prompt).split("\n")) if "\n" in str(prompt) or height == 1 else None
            cache = self._option_render_cache  # type: ignore[attr-defined]
        except Exception:
            self.replace_option_prompt(option_id, prompt)  # type: ignore[attr-defined]
            return
        if new_height != height:
            self.replace_option_prompt(option_id, prompt)  # type: ignore[attr-defined]
            return
        option._set_prompt(prompt)
        for key in [k for k in cache.keys() if k[0] is option]:  # noqa: SIM118 (an LRUCache)
            cache.discard(key)
        self._repaint_option(index)

    def render_line(self, y: int):
        """Adjacent runs of one style become one segment: fewer escape codes per line."""
        return compact(super().render_line(y))  # type: ignore[misc]


@lru_cache(maxsize=1024)
def canonical(style: Style | None) -> Style | None:
    """The same look with unset attributes written one way (``False`` and unset print alike,
    but compare unequal, which kept ``Strip.simplify`` from merging runs)."""
    if style is None:
        return None
    out = Style(color=style.color, bgcolor=style.bgcolor, bold=style.bold or None, dim=style.dim or None,
                italic=style.italic or None, underline=style.underline or None, strike=style.strike or None,
                reverse=style.reverse or None, link=style.link)
    return out + Style.from_meta(style.meta) if style.meta else out


def compact(strip: Strip) -> Strip:
    """``strip`` with equal-looking neighbours merged."""
    return Strip([Segment(t, canonical(s), c) for t, s, c in strip], strip.cell_length).simplify()
