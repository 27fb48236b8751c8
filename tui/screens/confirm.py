"""A yes/no dialog; used before handing a URL to a browser (never silently over SSH)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Shows ``message`` (a Text: callers build it from inert strings); y → True, n/esc → False."""

    # Covers the reader completely: the default see-through overlay dims the text behind it
    # to under 3:1, which is text nobody can read. Here, not in app.tcss: parsed when the
    # dialog is first opened, not before the reader's first paint.
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; background: $background; }
    #confirm-box { width: 70; max-width: 100%; height: auto;
                   border: thick $warning; background: $surface; padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, message: Text) -> None:
        super().__init__()
        self.message = message

    def compose(self):
        with Vertical(id="confirm-box"):
            yield Static(self.message, markup=False)
            yield Static(Text("y = yes    n / esc = no", style="bold"), markup=False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
