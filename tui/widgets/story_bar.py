"""The one-line bar above the panes: the open story, what is new, indexing progress and
which view is showing (so at 80×24 the user always knows the other panes exist)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core.safetext import one_line

VIEWS = (("sources", "1 Sources"), ("reader", "2 Article"), ("facts", "3 Facts"))


class StoryBar(Static):
    """Attributes in, text out: the screen sets the fields and calls ``refresh_bar``."""

    DEFAULT_CSS = """
    StoryBar { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.story_label = ""
        self.status = ""
        """Transient progress (indexing); cleared when it ends."""
        self.counts = ""
        """The open story's counts: kept across re-indexing (a no-op re-index must not wipe them)."""
        self.view = "sources"
        self.narrow = False

    def refresh_bar(self) -> None:
        bar = Text(no_wrap=True, overflow="ellipsis")
        if self.narrow:
            for name, label in VIEWS:
                bar.append(f" {label} ", style="reverse bold" if name == self.view else "")
            bar.append(" ")
        counts = self.counts
        if self.size.width:
            # Counts that cannot fit beside an 8-column name go whole, last first: a cut
            # "· 2" would read as a figure without its meaning.
            spare = self.size.width - bar.cell_len - 2 - 8 - sum(len(p) + 2 for p in (self.status,) if p)
            while len(counts) + 2 > spare and " · " in counts:
                counts = counts.rsplit(" · ", 1)[0]
        tail = "".join(f"  {part}" for part in (counts, self.status) if part)
        # The story's name gives way to its counts: at 80 columns both fit only if it does.
        room = max(self.size.width - bar.cell_len - len(tail) - 2, 8) if self.size.width else 60
        bar.append(one_line(self.story_label, min(room, 60)) or "wiredesk", style="bold")
        bar.append(tail, style="italic")
        self.update(bar, layout=False)  # one fixed row: a re-layout would repaint every scrollbar

    def on_resize(self) -> None:
        self.refresh_bar()
