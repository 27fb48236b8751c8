"""Full-text search: type a query, pick a hit, the reader opens that article.

The query runs in a thread worker (the index may be large); hits come back as a message.
Snippets are article text, so they are shown inert, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from ...core.safetext import one_line
from ..display import outlet_name
from ..messages import SearchResults


class SearchScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with ``(article id, query)`` or None."""

    # Covers the reader completely: the default see-through overlay dims the text behind it
    # to under 3:1, which is text nobody can read. Here, not in app.tcss: parsed when the
    # dialog is first opened, not before the reader's first paint.
    DEFAULT_CSS = """
    SearchScreen { align: center middle; background: $background; }
    #search-box { width: 100; max-width: 100%; height: 90%;
                  border: thick $primary; background: $surface; }
    #search-hits { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "to_results", "Results", show=False, id="search.results"),
    ]

    def compose(self):
        with Vertical(id="search-box"):
            yield Input(placeholder="search all articles…", id="search-input")
            yield OptionList(id="search-hits", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = not self.app.is_headless

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        if len(query) >= 2:
            self.run_search(query)
        else:
            self.query_one(OptionList).clear_options()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one(OptionList)
        if hits.option_count:
            hits.highlighted = 0
            hits.action_select()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        self.post_message(SearchResults(query, self.app.service.search(query)))  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.report_worker(event)  # type: ignore[attr-defined]

    def on_search_results(self, message: SearchResults) -> None:
        if message.query != self.query_one(Input).value.strip():
            return  # an older query's answer arriving late: showing it would mislead
        hits = self.query_one(OptionList)
        options = []
        for article, snippet in message.hits:
            row = Text()
            row.append(outlet_name(article), style="bold")
            row.append("  " + one_line(article.title, 80))
            row.append("\n  " + one_line(snippet, 160), style="italic")
            options.append(Option(row, id=article.id))
        if not options:
            options = [Option(Text("no matches", style="italic"), disabled=True)]
        hits.set_options(options)
        hits.border_title = f"{len(message.hits)} hits"

    @on(OptionList.OptionSelected, "#search-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss((event.option.id, self.query_one(Input).value.strip()))

    def action_to_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
