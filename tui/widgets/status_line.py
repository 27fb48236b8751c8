"""The status line: where you are, always — story, article n/m, claim n/m, facts filter and
sources sort. Attributes in, one line of text out; it repaints one row, never a pane."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from ...core.safetext import one_line


@dataclass
class Where:
    """What the status line shows (the screen fills it)."""

    story: str = ""
    article: tuple[int, int] | None = None
    outlet: str = ""
    claim: tuple[int, int] | None = None
    facts_filter: str = "all"
    sort: str = "time"
    open_facts: int | None = None
    """Contested facts still without a verdict (None when the story has none contested)."""


class StatusLine(Static):
    """``article 2/5 (Outlet) · claim 3/12 · facts: all · sort: time · story``."""

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.where = Where()
        self._shown: Text | None = None

    def where_text(self) -> str:
        """The line as shown (plain text), for tests and screen readers."""
        return self._shown.plain if self._shown is not None else ""

    def show_where(self, where: Where) -> None:
        self.where = where
        line = Text(no_wrap=True, overflow="ellipsis")
        # What changes as you read comes first; the story (also named in the bar above) last.
        if where.article:
            n, m = where.article
            line.append(f"article {n}/{m}", style="bold")
            if where.outlet:
                line.append(f" ({one_line(where.outlet, 16)})")
            line.append(" · ")
        if where.claim:
            n, m = where.claim
            line.append(f"claim {n}/{m}", style="bold")
            line.append(" · ")
        if where.open_facts is not None:
            line.append(f"{where.open_facts} open", style="bold")
            line.append(" · ")
        line.append(f"facts: {where.facts_filter} · sort: {where.sort} · ", style="italic")
        line.append(one_line(where.story, 40) or "no story")
        if self._shown is None or line.plain != self._shown.plain:
            self._shown = line
            self.update(line, layout=False)  # one fixed row: a re-layout would repaint every scrollbar
