"""The story's timeline: its articles by publication time, the contested figures each gave,
and where a figure changed from the report before (``◆ update: was …``).

The data is built in core (``core/workflow/timeline.py``) in a worker; this screen only
lays it out as inert text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.safetext import one_line
from ...core.workflow.timeline import Timeline


def timeline_text(line: Timeline, outlets: dict[str, str]) -> Text:
    """Each article with its time and outlet, then its contested figures, changes marked."""
    out = Text()
    out.append("Timeline", style="bold underline")
    out.append(f"  {line.changes} change(s) between reports in known order\n\n", style="dim")
    for entry in line.entries:
        a = entry.article
        when = (a.published_at or "").replace("T", " ") or a.published or "date not given"
        out.append(f"{when:<17} ", style="bold")
        out.append(one_line(outlets.get(a.id) or a.outlet or a.id, 30), style="bold")
        if a.copy_of:
            out.append("  (copy)", style="dim")
        out.append("\n")
        shown = [f for f in entry.figures if f.status == "contested"]
        for figure in shown:
            out.append(f"    {one_line(figure.label, 50)}: ")
            out.append(one_line(figure.wording, 40), style="bold")
            change = figure.change
            if change is not None:
                if change.ordered:
                    out.append(f"  ◆ {change.kind}: was ", style="bold")
                else:
                    out.append("  ≠ differs (order unknown) from ", style="dim")
                out.append(one_line(change.previous, 40))
            out.append("\n")
        if not shown:
            out.append("    no contested figures\n", style="dim")
    out.append("\nesc / q / T: close", style="dim")
    return out


class TimelineScreen(ModalScreen[None]):
    """Shows one story's timeline; esc, q or T closes it."""

    DEFAULT_CSS = """
    TimelineScreen { align: center middle; }
    #timeline-box { width: 110; max-width: 100%; height: 90%;
                    border: thick $primary; background: $surface; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,T", "close", "Close", id="timeline.close", tooltip="Close the timeline"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="timeline.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="timeline.up"),
    ]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        with VerticalScroll(id="timeline-box"):
            yield Static(self.text, id="timeline-text", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#timeline-box", VerticalScroll).scroll_relative(y=lines, animate=False)
