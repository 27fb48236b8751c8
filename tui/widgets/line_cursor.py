"""A list cursor that repaints two options, not the list.

``OptionList.highlighted`` repaints the whole widget on every move: over SSH a ``j`` in
the source list cost 12 KB at 120×40. Lists that mix this in declare ``highlighted`` with
``repaint=False`` and repaint only the lines of the option left and the option entered
(a move that scrolls still repaints the view, as it must).
"""

from __future__ import annotations


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
