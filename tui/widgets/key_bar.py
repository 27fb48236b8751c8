"""The key hints along the bottom: the reader's shown bindings, with the user's keys.

A plain ``Static`` instead of Textual's ``Footer``: the footer recomposes a widget per key
every time focus moves between panes, which made each pane switch cost a full restyle.
The reader's main keys are the same in every pane, so one line of text is enough.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static


def key_label(key: str) -> str:
    """``question_mark`` → ``?`` and friends, for keys written by name."""
    names = {"question_mark": "?", "slash": "/", "right_square_bracket": "]",
             "left_square_bracket": "[", "escape": "esc"}
    return names.get(key, key)


class KeyBar(Static):
    """One line of ``key description`` pairs."""

    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show_bindings(self, bindings: Iterable[Binding], keymap: dict[str, str]) -> None:
        bar = Text(no_wrap=True, overflow="ellipsis")
        for binding in bindings:
            if not binding.show:
                continue
            keys = keymap.get(binding.id or "", binding.key_display or binding.key)
            first = key_label(keys.split(",")[0].strip())
            bar.append(f" {first} ", style="bold reverse")
            bar.append(f" {binding.description} ")
        bar.append(" ctrl+p ", style="bold reverse")
        bar.append(" Commands")
        self.update(bar)
