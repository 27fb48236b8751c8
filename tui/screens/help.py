"""The help screen: every binding, its current key(s) and its id (the name to remap it by)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_text(sections: Iterable[tuple[str, list[tuple[str, Binding]]]]) -> Text:
    """One block per section: ``keys  description  (id)``."""
    out = Text()
    for title, rows in sections:
        out.append(f"{title}\n", style="bold underline")
        for keys, binding in rows:
            out.append(f"  {keys:<12}", style="bold")
            out.append(binding.tooltip or binding.description or binding.action)
            out.append(f"  · {binding.id or ''}\n", style="italic")
        out.append("\n")
    out.append("Remap any key in config.toml:  [keymap]  \"claim.next\" = \"n,ctrl+n\"\n", style="italic")
    out.append("Every action is also in the command palette (ctrl+p).", style="italic")
    return out


class HelpScreen(ModalScreen[None]):
    """Lists bindings; esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
    ]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        with VerticalScroll(id="help-box"):
            yield Static(self.text, id="help-text", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_relative(y=lines, animate=False)
