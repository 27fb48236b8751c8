"""The main screen: source list, reading pane and facts panel, and the workers that feed them.

The screen coordinates: panes post messages up (an article chosen, a fact value chosen), the
screen asks the service in a thread worker, and the result message comes back here to be
handed down to the panes. From 150 columns the three panes show; from 100 the article and
the side pane last asked for; below that one pane at a time (``view``). tab, 1/2/3 and ``c``
switch, so nothing is ever out of reach at 80×24.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from ...core.models import Article, Claim, Fact
from ...core.safetext import inert, one_line, web_url
from ..display import outlet_name
from ..messages import (
    ArticleLoaded,
    IndexChanged,
    IndexFinished,
    IndexProgress,
    InitialLoaded,
    LibraryLoaded,
    Prefetched,
    StoryLoaded,
    TriageChanged,
)
from ..preload import EarlyRead, InitialData, story_details
from ..triage_marks import RecentMarks
from ..widgets import FactsPanel, KeyBar, ReadingPane, SourceList, StoryBar
from ..widgets.facts_panel import Pick
from ..widgets.status_line import StatusLine, Where
from .workflow import WORKFLOW_BINDINGS, WorkflowActions

if TYPE_CHECKING:
    from ..app import WiredeskApp

TWO_PANES = 100
"""From this many columns on, the article sits beside the sources (or the facts)."""
THREE_PANES = 150
"""From this many columns on, the three panes sit side by side."""
PANES = ("sources", "reader", "facts")
POLL_SECONDS = 1.0
"""How often the index's change counter is read (one indexed read)."""
FIRST_SCREEN_WAIT = 0.5
"""How long the mounting screen waits for the first screen's data (read since the app was
made) so the first frame shows it; a slower read (a damaged index being rebuilt) arrives
from a worker instead, as any other."""


class ReaderScreen(WorkflowActions, Screen[None]):
    """The reader. ``view`` is the pane shown when the terminal is narrow."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "pane(1)", "Pane", id="pane.next", priority=True,
                tooltip="Next pane (sources → article → facts)"),
        Binding("shift+tab", "pane(-1)", "Prev pane", show=False, id="pane.prev", priority=True,
                tooltip="Previous pane"),
        Binding("1", "view('sources')", "Sources", show=False, id="view.sources", tooltip="Show the source list"),
        Binding("2", "view('reader')", "Article", show=False, id="view.reader", tooltip="Show the article"),
        Binding("3", "view('facts')", "Facts", show=False, id="view.facts", tooltip="Show the facts panel"),
        Binding("c", "toggle_facts", "Facts", id="facts.toggle",
                tooltip="Contested-facts panel (press again to go back to the article)"),
        Binding("n", "claim(1)", "Claim", id="claim.next", tooltip="Next claim in the article"),
        Binding("N", "claim(-1)", "Prev claim", show=False, id="claim.prev", tooltip="Previous claim in the article"),
        Binding("right_square_bracket", "outlet(1)", "Outlet", key_display="]", id="fact.next_outlet",
                tooltip="Same fact, next outlet's sentence"),
        Binding("left_square_bracket", "outlet(-1)", "Prev outlet", key_display="[", show=False,
                id="fact.prev_outlet", tooltip="Same fact, previous outlet's sentence"),
        Binding("slash", "search", "Search", key_display="/", id="search.open", tooltip="Full-text search"),
        Binding("f", "filter", "Filter", show=False, id="facts.filter",
                tooltip="Filter facts: all / contested / agreed / single-source"),
        Binding("S", "sort", "Sort", show=False, id="sources.sort",
                tooltip="Sort sources by time or by contested count"),
        Binding("w", "new_only", "New only", show=False, id="sources.new_only",
                tooltip="Show only stories and articles new since the last visit (again: everything)"),
        Binding("r", "triage('read')", "Read", show=False, id="triage.read", tooltip="Toggle read / unread"),
        Binding("s", "triage('starred')", "Star", show=False, id="triage.star", tooltip="Toggle star"),
        Binding("x", "triage('dismissed')", "Dismiss", show=False, id="triage.dismiss", tooltip="Toggle dismissed"),
        Binding("X", "dismiss_story", "Dismiss story", show=False, id="triage.dismiss_story",
                tooltip="Dismiss every article of the story (again: restore them)"),
        Binding("o", "open_url", "Open URL", show=False, id="article.open_url",
                tooltip="Show the article's link (asks before starting a browser)"),
        Binding("y", "copy", "Copy", show=False, id="fact.copy",
                tooltip="Copy the claim under the cursor (in the facts: the value) with its source"),
        Binding("R", "refresh", "Refresh", show=False, id="library.refresh",
                tooltip="Reload the index (picks up articles another process added)"),
        *WORKFLOW_BINDINGS,
    ]

    view: reactive[str] = reactive("sources")
    narrow: reactive[bool] = reactive(True)
    """One pane at a time (below ``TWO_PANES`` columns)."""
    columns: reactive[int] = reactive(1)

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = paths
        self.articles: dict[str, Article] = {}
        self.story: str | None = None
        self.facts: list[Fact] = []
        self.open_article: str | None = None
        self._cancel = threading.Event()
        self._indexing = False
        self._version: int | None = None
        self._recovered_shown: str | None = None
        self._wanted: list[str] = []
        self._requested: str | None = None
        self._recent_marks = RecentMarks()
        self._index_pending = False
        self._painted = False
        self._paged = False
        """The first screen read only its own story: load the library after painting."""
        self._after_paint: list[Callable[[], None]] = []
        """First-screen steps for panes the narrow layout hides: run after the first paint."""
        self._side = "sources"
        self._announce: dict[str, str] = {}
        """Triage changes made by a key, to be confirmed with a notification when written."""
        self._announce_reload = False
        """Which pane sits beside the article in the two-pane layout."""
        self._ready: dict[str, tuple[Article, list[Claim]]] = {}
        """The open story's full articles and claims, read ahead: opening one is then instant."""
        self._init_workflow()

    @property
    def wd(self) -> WiredeskApp:
        return self.app  # type: ignore[return-value]

    def compose(self):
        yield StoryBar(id="story-bar")
        with Horizontal(id="panes"):
            yield SourceList(now=self.wd.clock(), id="sources", classes="pane")
            yield ReadingPane(id="reader", classes="pane")
            yield FactsPanel(id="facts", classes="pane")
        yield StatusLine(id="status-line")
        yield KeyBar(id="key-bar")

    def on_mount(self) -> None:
        self.query_one(SourceList).border_title = "Sources"
        self.query_one(ReadingPane).border_title = "Article"
        self.query_one(FactsPanel).border_title = "Facts · all"
        self._set_columns()
        self._apply_view()
        shown = [*self.BINDINGS, *self.wd.BINDINGS]
        self.query_one(KeyBar).show_bindings([b for b in shown if isinstance(b, Binding)], self.wd.config.keymap)
        self.query_one(SourceList).focus()
        # Show what is already indexed at once, all of the first screen in one step; index
        # the paths after that first paint and reload if anything changed (a returning reader
        # should not wait for an unchanged folder, nor share the first frame with the indexer).
        if self.paths:
            self._indexing = self._index_pending = True
        early, self.wd.early_read = self.wd.early_read or EarlyRead(self.wd.service), None
        # After the first refresh: the panes have their sizes then, so the data is laid out
        # once, at the widths it is shown at.
        self.call_after_refresh(self._first_screen, early)
        # Pick up what another process indexes (``wiredesk index`` in another terminal).
        self.set_interval(POLL_SECONDS, self.poll_changes)

    def _first_screen(self, early: EarlyRead) -> None:
        """Show the first screen's data now if it has been read (it was started with the app),
        else when a worker has it."""
        try:
            data = early.result(FIRST_SCREEN_WAIT)
        except Exception:
            data = None  # the worker raises it again, where a failed first load is handled
        if data is None:
            self.load_initial(early)
        else:
            self.on_initial_loaded(InitialLoaded(data))

    def _after_first_paint(self) -> None:
        """Hidden panes, writes and the (usually no-op) re-index wait until the first screen is up."""
        self._painted = True
        pending, self._after_paint = self._after_paint, []
        for step in pending:
            step()
        self.wd.end_startup()
        if self.open_article is not None:
            self.toggle_triage(self.open_article, "read", value=True)
        self.update_status()
        self._start_index()
        self._prefetch_story()
        if self._paged:
            self.load_library(paged=True)  # the stories the first screen did not read

    def _prefetch_story(self) -> None:
        story = next((s for s in self.query_one(SourceList).stories if s.id == self.story), None)
        if story is not None:
            self.prefetch(list(story.articles))

    def _start_index(self) -> None:
        """Index the paths the reader was opened on, once, after the first screen is up."""
        if self._index_pending:
            self._index_pending = False
            self.run_index(self.paths)

    def on_resize(self) -> None:
        self._set_columns()

    def _set_columns(self) -> None:
        width = self.size.width
        self.columns = 3 if width >= THREE_PANES else 2 if width >= TWO_PANES else 1
        self.narrow = self.columns == 1

    def watch_narrow(self) -> None:
        self._apply_view()

    def watch_columns(self) -> None:
        self._apply_view()

    def watch_view(self) -> None:
        self._apply_view()

    def _apply_view(self) -> None:
        # Inline display toggles, not screen classes: a class change restyles every node.
        if self.view in ("sources", "facts"):
            self._side = self.view
        for name in PANES:
            self._pane(name).display = self._shows(name)
        bar = self.query_one(StoryBar)
        bar.view, bar.narrow = self.view, self.columns < 3
        bar.refresh_bar()

    def _shows(self, name: str) -> bool:
        """Whether pane ``name`` is on screen in the current layout and view."""
        if self.columns >= 3:
            return True
        if self.columns == 2:
            return name == "reader" or name == self._side
        return name == self.view

    def _pane(self, name: str) -> SourceList | ReadingPane | FactsPanel:
        return self.query_one(f"#{name}")  # type: ignore[return-value]

    def show_view(self, name: str) -> None:
        """Make ``name`` the visible pane (narrow) and give it the focus."""
        self.view = name
        pane = self._pane(name)
        self.call_after_refresh(pane.focus)

    def _current_pane(self) -> str:
        focused = self.focused
        for name in PANES:
            node = focused
            while node is not None:
                if node.id == name:
                    return name
                node = node.parent  # type: ignore[assignment]
        return self.view

    # -- workers (blocking service calls) ------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def run_index(self, paths: list[str]) -> None:
        worker = get_current_worker()

        def progress(source: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                self._cancel.set()
            self.post_message(IndexProgress(source, done, total))

        service = self.wd.service
        report = service.index(paths, progress=progress, cancel=self._cancel)
        wanted = sorted(service.ids_under(paths))
        self.post_message(IndexFinished(report.added, [f"{e.source}: {e.reason}" for e in report.errors],
                                        changed=report.changed, wanted=wanted))

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def poll_changes(self) -> None:
        version = self.wd.service.data_version()
        if self._version is not None and version != self._version:
            self.post_message(IndexChanged(version))

    @work(thread=True, exclusive=True, group="initial", exit_on_error=False)
    def load_initial(self, early: EarlyRead) -> None:
        """The first screen's data in one read and one message (library, story, article),
        when it was not there by the time the screen mounted."""
        self.post_message(InitialLoaded(early.result()))

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self, paged: bool = False) -> None:
        service = self.wd.service
        marks_since = self._recent_marks.mark()
        recovered = self._unseen_recovery(service.ensure_open())
        version = service.data_version()
        articles = {a.id: a for a in service.articles()}
        stories = service.stories()
        self.post_message(LibraryLoaded(stories, articles, service.triage(), version, recovered,
                                        unseen=service.unseen_articles(stories),
                                        contested=service.cached_contested(s.id for s in stories), paged=paged,
                                        marks_since=marks_since))

    def _unseen_recovery(self, recovered: str | None) -> str | None:
        """The service keeps its last recovery line: each reload would notify it again."""
        if recovered == self._recovered_shown:
            return None
        self._recovered_shown = recovered
        return recovered

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def load_story(self, story: str, article_ids: list[str]) -> None:
        d = story_details(self.wd.service, story, article_ids)
        self.post_message(StoryLoaded(d.story, d.facts, d.counts, d.new_articles, d.new_facts))

    def load_article(self, article: str, focus: tuple[int, int] | None = None) -> None:
        """Show an article: at once when it was read ahead, else from a worker (only the
        latest request is shown; older results are dropped)."""
        self._requested = article
        ready = self._ready.get(article)
        if ready is None:
            self._load_article(article, focus)
            return
        self.on_article_loaded(ArticleLoaded(ready[0], ready[1], focus))
        self.toggle_triage(article, "read", value=True)

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def prefetch(self, article_ids: list[str]) -> None:
        """Read the open story's articles and claims ahead (a few small reads, off the UI)."""
        from ...core.service import NotFound

        service = self.wd.service
        version = self._version
        loaded = {}
        for article in article_ids:
            if article not in self._ready:
                try:
                    loaded[article] = (service.article(article), service.claims(article))
                except NotFound:
                    return  # the index changed under the story (replaced, re-indexed): the reload reads it
        if loaded:
            self.post_message(Prefetched(version, loaded))

    def on_prefetched(self, message: Prefetched) -> None:
        if message.version == self._version:  # else the index changed meanwhile: stale
            self._ready.update(message.loaded)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article: str, focus: tuple[int, int] | None = None) -> None:
        service = self.wd.service
        full = service.article(article)
        claims = service.claims(article)
        self.post_message(ArticleLoaded(full, claims, focus))
        # Opening marks read; written after the article is on its way so it never delays it.
        self.post_message(TriageChanged(article, service.set_triage(article, "read", True)))

    @work(thread=True, group="triage", exit_on_error=False)
    def toggle_triage(self, article: str, flag: str, value: bool | None = None) -> None:
        """Flip ``flag`` (or set it to ``value``) and show the article's new marks."""
        service = self.wd.service
        state = service.toggle_triage(article, flag) if value is None else service.set_triage(article, flag, value)
        self.post_message(TriageChanged(article, state))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.report_worker(event)  # type: ignore[attr-defined]
        if event.worker.group == "initial" and event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._after_first_paint()  # the first load failed: indexing may still bring articles

    # -- results -------------------------------------------------------------------------

    def on_index_progress(self, message: IndexProgress) -> None:
        bar = self.query_one(StoryBar)
        bar.status = f"indexing {message.done + 1}/{message.total}…"
        bar.refresh_bar()

    def on_index_finished(self, message: IndexFinished) -> None:
        self._indexing = False
        bar = self.query_one(StoryBar)
        bar.status = ""  # the story's counts (bar.counts) stay: a no-op re-index changes nothing
        bar.refresh_bar()
        if message.errors:
            shown = "\n".join(one_line(e, 120) for e in message.errors[:5])
            more = f"\n…and {len(message.errors) - 5} more" if len(message.errors) > 5 else ""
            self.notify(shown + more, title="Some inputs were skipped", severity="warning", markup=False)
        self._wanted = message.wanted
        if message.changed or not self.story or (message.wanted and self._wanted_story() != self.story):
            self.load_library()

    def _wanted_story(self) -> str | None:
        """The story holding the first article read from the paths the reader was opened on."""
        stories = self.query_one(SourceList).stories
        return next((s.id for a in self._wanted for s in stories if a in s.articles), None)

    def on_index_changed(self, message: IndexChanged) -> None:
        if message.version != self._version:
            self._version = message.version
            self.load_library()

    def on_initial_loaded(self, message: InitialLoaded) -> None:
        self._apply_initial(message.data)
        self.wd.after_first_frame(self._after_first_paint)

    def _apply_initial(self, data: InitialData) -> None:
        """Show the first screen in one step: one source-list rebuild, no further workers."""
        self._version = data.version
        self._recovered_shown = data.recovered
        if data.recovered:
            self.notify(one_line(data.recovered, 200), title="Index recovered", severity="warning",
                        markup=False, timeout=10)
        self.articles = data.articles
        sources = self.query_one(SourceList)
        details = data.details
        if details is None:
            self.on_library_loaded(LibraryLoaded(data.stories, data.articles, data.triage, data.version))
            return
        story = next(s for s in data.stories if s.id == details.story)
        self.story = story.id
        opened = data.article.id if data.article is not None else None
        self.open_article = self._requested = opened
        sources.set_initial(data.stories, data.articles, data.triage, story.id, details.counts,
                            details.new_articles, opened, data.summaries, data.contested)
        self._paged = data.paged
        if opened is not None:
            sources.highlight_article(opened)
        bar = self.query_one(StoryBar)
        bar.story_label = story.label
        # A pane the narrow layout hides is filled right after the first paint, not before it.
        facts_hidden = not self._shows("facts")
        self._show_story(StoryLoaded(details.story, details.facts, details.counts, details.new_articles,
                                     details.new_facts), sources_done=True, facts_panel=not facts_hidden)
        if facts_hidden:
            outlets = {a: outlet_name(art, None) for a, art in self.articles.items()}

            def fill_facts() -> None:
                if self.story == details.story:  # unless another story was opened meanwhile
                    self.query_one(FactsPanel).set_facts(details.facts, outlets, details.new_facts)

            self._after_paint.append(fill_facts)
        if data.article is not None:
            article, claims = data.article, data.claims or []
            self._ready[article.id] = (article, claims)
            original = self.articles.get(article.copy_of or "")
            copy_name = outlet_name(original) if original else None

            def show() -> None:
                if self.open_article == article.id:  # unless another was opened meanwhile
                    self.query_one(ReadingPane).show(article, claims, None, copy_of=copy_name)

            if not self._shows("reader"):
                self._after_paint.append(show)
            else:
                show()

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self._version = message.version
        if not message.paged:
            self._ready = {}  # articles may have been re-indexed: read them again when opened
        if message.recovered:
            self.notify(one_line(message.recovered, 200), title="Index recovered", severity="warning",
                        markup=False, timeout=10)
        self.articles = message.articles
        sources = self.query_one(SourceList)
        triage = self._recent_marks.overlay(message.triage, message.marks_since)
        sources.set_library(message.stories, message.articles, triage, message.unseen, message.contested)
        shown = next((s for s in message.stories if s.id == self.story), None)
        if message.paged and shown is not None and self.open_article in shown.articles:
            return  # the rest of the first screen's library: the open story stays as it is
        if self._announce_reload:
            self._announce_reload = False
            self.notify(f"Reloaded: {len(message.articles)} articles in {len(message.stories)} stories",
                        markup=False, timeout=3)
        if not message.stories:
            if self._indexing:
                return
            self.query_one(StoryBar).story_label = "No articles yet — run: wiredesk index PATH"
            self.query_one(ReadingPane).show_placeholder(
                "No articles yet: run `wiredesk index PATH` in a shell (or `wiredesk seeds` for the demo); "
                "the reader picks them up by itself, or press R to reload.")
            self.query_one(StoryBar).refresh_bar()
            return
        wanted = self._wanted_story()
        self._wanted = []  # applied once: later reloads keep the reader where the user went
        if wanted and wanted != self.story:
            self.open_article = None
            self.open_story(wanted)
            return
        story = next((s for s in message.stories if s.id == self.story), message.stories[0])
        self.open_story(story.id)

    def open_story(self, story_id: str, *, open_first: bool = True) -> None:
        sources = self.query_one(SourceList)
        story = next((s for s in sources.stories if s.id == story_id), None)
        if story is None:
            return
        self.story = story.id
        sources.expand(story.id)
        bar = self.query_one(StoryBar)
        bar.story_label = story.label
        bar.refresh_bar()
        self.load_story(story.id, list(story.articles))
        ordered = sources.ordered(story)
        if open_first and ordered and self.open_article not in story.articles:
            sources.highlight_article(ordered[0].id)
            self.load_article(ordered[0].id)

    def on_story_loaded(self, message: StoryLoaded) -> None:
        self._show_story(message)

    def _show_story(self, message: StoryLoaded, *, sources_done: bool = False, facts_panel: bool = True) -> None:
        """Show a story's facts and counts (``sources_done``: the list already has them;
        ``facts_panel=False``: the caller fills the facts panel later)."""
        if message.story != self.story:
            return
        self.facts = message.facts
        self.query_one(ReadingPane).set_facts(message.facts)
        if facts_panel:
            outlets = {a: outlet_name(art, None) for a, art in self.articles.items()}
            self.query_one(FactsPanel).set_facts(message.facts, outlets, message.new_facts)
        contested = sum(1 for f in message.facts if f.status == "contested")
        if not sources_done:
            self.query_one(SourceList).contested[message.story] = contested
            self.query_one(SourceList).set_story_details(message.counts, message.new_articles)
        bar = self.query_one(StoryBar)
        new = len(message.new_articles)
        independent = self.query_one(SourceList).independent_label(message.story)  # reprints add none
        bar.counts = (f"{len(message.counts)} articles · {contested} contested"
                      + (f" · {new} new" if new else "") + independent)
        bar.refresh_bar()
        self.story_shown(message.story)
        if self._painted:
            self._prefetch_story()

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if self._requested is not None and message.article.id != self._requested:
            return  # a newer request is on its way
        self.open_article = message.article.id
        story = message.article.story
        if story and story != self.story:
            self.open_story(story, open_first=False)
        self.query_one(SourceList).set_open(message.article.id)
        original = self.articles.get(message.article.copy_of or "")
        copy_name = outlet_name(original) if original else None
        self.query_one(ReadingPane).show(message.article, message.claims, message.focus, copy_of=copy_name)
        self.update_status()

    def update_status(self) -> None:
        """Say where the reader is: story, article n/m, claim n/m, filter, sort."""
        sources = self.query_one(SourceList)
        pane = self.query_one(ReadingPane)
        story = next((s for s in sources.stories if s.id == self.story), None)
        where = Where(story=story.label if story else "", facts_filter=self.query_one(FactsPanel).filter,
                      sort=sources.sort_mode)
        if story is not None and pane.article is not None:
            order = [a.id for a in sources.ordered(story)]
            if pane.article.id in order:
                where.article = (order.index(pane.article.id) + 1, len(order))
            where.outlet = outlet_name(pane.article)
        claim = pane.focused_claim
        if claim is not None and claim in pane.claims:
            where.claim = (pane.claims.index(claim) + 1, len(pane.claims))
        elif pane.claims:
            where.claim = (0, len(pane.claims))
        facts = self.query_one(FactsPanel).facts
        if any(f.status == "contested" for f in facts):
            where.open_facts = len(self.open_facts())
        self.query_one(StatusLine).show_where(where)

    def on_triage_changed(self, message: TriageChanged) -> None:
        self._recent_marks.shown(message.article, message.state)
        self.query_one(SourceList).set_triage(message.article, message.state)
        flag = self._announce.pop(message.article, None)
        if flag is not None:
            on = bool(getattr(message.state, flag, False))
            words = {"read": ("Marked read", "Marked unread"), "starred": ("Starred", "Unstarred"),
                     "dismissed": ("Dismissed", "Restored (no longer dismissed)")}[flag]
            article = self.articles.get(message.article)
            name = outlet_name(article) if article else message.article[:8]
            self.notify(f"{words[0] if on else words[1]}: {name}", markup=False, timeout=2)

    # -- pane events ---------------------------------------------------------------------

    @on(SourceList.ArticleChosen)
    def _article_chosen(self, event: SourceList.ArticleChosen) -> None:
        self.load_article(event.article)
        if self.narrow:
            self.show_view("reader")

    @on(SourceList.StoryChosen)
    def _story_chosen(self, event: SourceList.StoryChosen) -> None:
        if event.story != self.story:
            self.open_story(event.story)

    @on(FactsPanel.PickChosen)
    def _pick_chosen(self, event: FactsPanel.PickChosen) -> None:
        self.jump_to(event.pick)

    def jump_to(self, pick: Pick) -> None:
        """Show the sentence behind one outlet's value, loading its article if needed."""
        ev = pick.evidence
        pane = self.query_one(ReadingPane)
        same = pane.article is not None and pane.article.id == ev.article
        pane.set_note(self._pick_note(pick), repaint=same)
        if same:
            pane.focus_span(ev.start, ev.end)
            self.update_status()
        else:
            self.load_article(ev.article, (ev.start, ev.end))
            self.query_one(SourceList).highlight_article(ev.article)
        if not self._shows("reader"):
            self.show_view("reader")

    def _pick_note(self, pick: Pick) -> Text:
        """The dispute card for ``pick`` (tui/widgets/dispute_card.py) — all inert text."""
        from ..widgets.dispute_card import dispute_card

        return dispute_card(pick, self.articles, {"muted": Style(italic=True)}, self.verdicts.get(pick.fact.id))

    # -- actions -------------------------------------------------------------------------

    def action_pane(self, step: int) -> None:
        current = self._current_pane()
        self.show_view(PANES[(PANES.index(current) + step) % len(PANES)])

    def action_view(self, name: str) -> None:
        self.show_view(name)

    def action_toggle_facts(self) -> None:
        self.show_view("reader" if self._current_pane() == "facts" else "facts")

    def action_claim(self, step: int) -> None:
        pane = self.query_one(ReadingPane)
        if not self._shows("reader"):
            self.show_view("reader")
        if pane.step_claim(step) is None:
            self.notify("No more claims" if pane.claims else "This article has no claims", timeout=2)
        self.update_status()

    def action_outlet(self, step: int) -> None:
        if self.query_one(FactsPanel).cycle(step) is None:
            self.notify("No fact selected: open the facts panel with c", timeout=3)

    def action_search(self) -> None:
        from .search import SearchScreen

        def chosen(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            article, query = result
            self.query_one(SourceList).highlight_article(article)
            self._requested = article
            self.load_search_hit(article, query)
            self.show_view("reader")

        self.app.push_screen(SearchScreen(), chosen)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_search_hit(self, article: str, query: str) -> None:
        """Open a hit with the first occurrence of the query highlighted."""
        full = self.wd.service.article(article)
        at = full.body.lower().find(query.lower()) if query else -1
        focus = (at, at + len(query)) if at >= 0 else None
        self.post_message(ArticleLoaded(full, self.wd.service.claims(article), focus))

    def action_filter(self) -> None:
        mode = self.query_one(FactsPanel).cycle_filter()
        self.notify(f"Facts filter: {mode}", timeout=2)
        self.update_status()

    def action_new_only(self) -> None:
        on = self.query_one(SourceList).toggle_new_only()
        self.notify("Sources: only what is new since your last visit" if on else "Sources: every story", timeout=2)
        if on and not self._shows("sources"):
            self.show_view("sources")

    def action_sort(self) -> None:
        mode = self.query_one(SourceList).toggle_sort()
        self.notify(f"Sources sorted by {mode}", timeout=2)
        self.update_status()

    def target_article(self) -> str | None:
        """The article a triage key acts on: the highlighted row in the list, else the open one."""
        if self._current_pane() == "sources":
            return self.query_one(SourceList).highlighted_article or self.open_article
        return self.open_article

    def action_triage(self, flag: str) -> None:
        article = self.target_article()
        if article is None:
            self.notify("No article selected", timeout=2)
            return
        self._announce[article] = flag
        self.toggle_triage(article, flag)

    def action_dismiss_story(self) -> None:
        article = self.articles.get(self.target_article() or "")
        if article is None or article.story is None:
            self.notify("No story selected", timeout=2)
            return
        self.dismiss_story(article.story)

    @work(thread=True, group="triage", exit_on_error=False)
    def dismiss_story(self, story: str) -> None:
        for article, state in self.wd.service.dismiss_story(story).items():
            self.post_message(TriageChanged(article, state))

    def action_open_url(self) -> None:
        from .confirm import ConfirmScreen

        article = self.articles.get(self.target_article() or "")
        checked = web_url(article.url) if article is not None else None
        if checked is None:  # none, or not http(s) (an index written before URLs were checked)
            self.notify("This article has no web URL", timeout=3)
            return
        url = inert(checked, keep_newlines=False)
        message = Text("Open this article in a browser on this machine?\n\n")
        message.append(url, style=f"underline link {url}" if url.isprintable() and " " not in url else "underline")
        message.append("\n\n(over SSH the browser would open on the remote host; the link above is clickable "
                       "in terminals that support OSC 8)", style="italic")

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.open_url(url)

        self.notify(url, title="Article URL", markup=False, timeout=8)
        self.app.push_screen(ConfirmScreen(message), answer)

    def action_copy(self) -> None:
        """Copy the claim under the cursor (article) or the selected value (facts), with its source."""
        from ..clipboard import clipboard_caveat, quote_claim, quote_pick

        pane = self.query_one(ReadingPane)
        claim = pane.focused_claim if self._current_pane() != "facts" else None
        if claim is not None and pane.article is not None:
            text, what = quote_claim(claim, pane.article), f"claim from {outlet_name(pane.article)}"
        else:
            pick = self.query_one(FactsPanel).selected_pick()
            if pick is None:
                self.notify("Nothing to copy: move to a claim with n, or choose a fact value (c)", timeout=3)
                return
            article = self.articles.get(pick.evidence.article)
            text = quote_pick(pick, article)
            what = f"{one_line(pick.wording, 40)} ({outlet_name(article) if article else pick.evidence.article})"
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {what}. {clipboard_caveat()}", markup=False, timeout=5)

    def action_refresh(self) -> None:
        self._announce_reload = True
        self.notify("Reloading the index…", timeout=2)
        self.load_library()
