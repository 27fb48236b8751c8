"""The source list: stories, and under each its articles with their marks and counts.

An ``OptionList`` renders only the visible lines, and only the stories the reader opened
are expanded (one header line for each other story), so a 10,000-article index neither
builds 10,000 widgets nor wraps 10,000 prompts. Stories are listed by latest activity, each
header with its counts (articles, outlets, new since the last visit, contested facts when
they are known); the headers come from ``StorySummary`` rows, so the first screen needs only
the open story's articles (the others are paged in after the first paint). ``w`` narrows
the list to what is new since the last visit. Within a story, a wire text and its reprints are
one cluster (``core/reprint_clusters.py``): the original's row says "▸ +3 reprints", and the
reprints sit under it, indented on a tree, only when the cluster is opened (``space``, ``→``;
``←`` folds it again), so five outlets carrying one text read as one source. Every prompt is a
``rich.text.Text`` built from inert strings: article metadata never goes through markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.models import Article, Story
from ...core.reprint_clusters import Cluster, clusters
from ...core.safetext import one_line
from ...core.store.summaries import StorySummary, summarize
from ...core.store.triage import TriageState
from ..display import STATUS_GLYPHS, age_label, outlet_name, published_label
from ..preload import order_articles
from ..wrapping import hanging
from .line_cursor import LineCursor

SortMode = Literal["time", "contested"]
PAGE = 60
"""Story headers built per step: the first screen needs a screenful, not 1,200 headers (laying
out an option costs ~0.5 ms; a 10,000-article index has ~1,250 stories). The first paint
builds only as many as the pane is tall; moving onto the "more stories" row, enter on it,
or ``G`` builds the next ones."""
MORE = "-more"


class SourceList(LineCursor, OptionList):
    """Stories and their articles; enter opens the highlighted article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="sources.down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up"),
        Binding("g", "first", "First", show=False, id="sources.first"),
        Binding("G", "last", "Last", show=False, id="sources.last"),
        Binding("enter", "select", "Open", show=False, id="sources.open", tooltip="Open the article or story"),
        Binding("space", "toggle_reprints", "Reprints", show=False, id="sources.reprints",
                tooltip="Show or hide the reprints under a wire text"),
        Binding("right", "open_reprints", "Open reprints", show=False, id="sources.reprints_open",
                tooltip="Show a wire text's reprints (again: go to the first)"),
        Binding("left", "close_reprints", "Close reprints", show=False, id="sources.reprints_close",
                tooltip="Hide the reprints (from a reprint: back to its original)"),
    ]

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The cursor; a move repaints the two options it touches (``LineCursor``), not the list."""

    @dataclass
    class StoryChosen(Message):
        """The user pressed enter on a story header."""

        source_list: SourceList
        story: str

        @property
        def control(self) -> SourceList:
            return self.source_list

    @dataclass
    class ArticleChosen(Message):
        """The user pressed enter on an article row."""

        source_list: SourceList
        article: str

        @property
        def control(self) -> SourceList:
            return self.source_list

    def __init__(self, *, now: datetime, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.now = now
        self.stories: list[Story] = []
        self.articles: dict[str, Article] = {}
        self.triage: dict[str, TriageState] = {}
        self.counts: dict[str, tuple[int, int, int]] = {}
        self.new_articles: set[str] = set()
        self.open_article: str | None = None
        self.sort_mode: SortMode = "time"
        self.expanded: set[str] = set()
        self.summaries: dict[str, StorySummary] = {}
        """story id -> header figures (from the index at start, then from the loaded library)."""
        self.contested: dict[str, int] = {}
        """story id -> contested facts, only for stories whose facts are known."""
        self.new_only = False
        self._shown = PAGE
        """How many story headers are built (more as the cursor reaches the end)."""
        """Show only stories and articles new since the last visit (``w``)."""
        self._built_width = 0
        self.open_clusters: set[str] = set()
        """Originals whose reprints are shown under them (the others show "+n reprints")."""
        self._rows: dict[str, tuple[Cluster, bool]] = {}
        """article id -> its cluster as listed, and whether the row is one of its reprints."""
        self._unbuilt = False
        """The first screen's data arrived before the layout: the options wait for a size."""
        self._highlight_later: str | None = None

    # -- data in -------------------------------------------------------------------------

    def set_library(self, stories: list[Story], articles: dict[str, Article],
                    triage: dict[str, TriageState], unseen: set[str] | None = None,
                    contested: dict[str, int] | None = None) -> None:
        """Replace the whole library, keeping the highlighted article when it still exists;
        ``unseen`` articles are marked new, ``contested`` replaces the known counts."""
        self.stories, self.articles, self.triage = stories, articles, triage
        self.summaries = {s.id: summarize(s, articles, outlet_name) for s in stories}
        self._shown = max(self._shown, PAGE)
        self.new_articles |= unseen or set()
        if contested is not None:
            self.contested = {**self.contested, **contested}
        self.rebuild()

    def set_initial(self, stories: list[Story], articles: dict[str, Article], triage: dict[str, TriageState],
                    story: str, counts: dict[str, tuple[int, int, int]], new_articles: set[str],
                    open_article: str | None, summaries: list[StorySummary] | None = None,
                    contested: dict[str, int] | None = None) -> None:
        """The whole first screen's list at once: one rebuild instead of four. ``summaries``
        head the stories whose articles are not loaded yet."""
        self.stories, self.articles, self.triage = stories, articles, triage
        self.summaries = {s.id: s for s in summaries or []}
        self.summaries.update({s.id: summarize(s, articles, outlet_name) for s in stories if s.articles})
        self.contested.update(contested or {})
        self.expanded.add(story)
        self.counts.update(counts)
        self.new_articles |= new_articles
        self.open_article = open_article
        if not self.size.width:
            # Handed over as the screen mounts, before the layout: built once, at the first
            # resize, at the width it will be shown (not once at a guessed width and again).
            self._unbuilt = True
            return
        self._first_page()
        self.rebuild()

    def _first_page(self) -> None:
        """The first paint builds a screenful of headers; the library load after it, a page."""
        self._shown = min(self._shown, max(self.scrollable_content_region.height, 12))

    def set_story_details(self, counts: dict[str, tuple[int, int, int]], new_articles: set[str]) -> None:
        self.counts.update(counts)
        self.new_articles |= new_articles
        self.rebuild()

    def set_triage(self, article: str, state: TriageState) -> None:
        self.triage[article] = state
        self._refresh_row(article)

    def set_open(self, article: str | None) -> None:
        previous, self.open_article = self.open_article, article
        for ref in (previous, article):
            if ref:
                self._refresh_row(ref)

    def toggle_new_only(self) -> bool:
        """Show only what is new since the last visit, or everything again."""
        self.new_only = not self.new_only
        self.rebuild()
        return self.new_only

    def new_count(self, story: Story) -> int:
        return sum(1 for a in story.articles if a in self.new_articles)

    def story_order(self) -> list[Story]:
        """The stories as listed: latest activity first (then by id, for a stable order)."""
        def latest(story: Story) -> str:
            found = self.summaries.get(story.id)
            return found.latest if found else ""

        return sorted(sorted(self.stories, key=lambda s: s.id), key=latest, reverse=True)

    def toggle_sort(self) -> SortMode:
        self.sort_mode = "contested" if self.sort_mode == "time" else "time"
        self.rebuild()
        return self.sort_mode

    # -- queries -------------------------------------------------------------------------

    @property
    def highlighted_article(self) -> str | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("a:"):
            return None
        return option.id[2:]

    def ordered(self, story: Story) -> list[Article]:
        """A story's articles as listed: in the current sort order (newest first, or most
        contested), each wire text followed by its reprints; with the "new" filter on, only
        its new ones."""
        return [a for cluster in self.clusters(story) for a in (cluster.original, *cluster.reprints)]

    def clusters(self, story: Story) -> list[Cluster]:
        """A story's wire clusters in the current sort order (see ``ordered``)."""
        members = order_articles(story, self.articles, self.counts, self.sort_mode)
        if self.new_only:
            members = [a for a in members if a.id in self.new_articles]
        return clusters(members)

    def expand(self, story: str) -> None:
        if story not in self.expanded:
            self.expanded.add(story)
            self.rebuild()

    def highlight_article(self, article: str) -> None:
        """Move the cursor to an article, expanding its story (and for a reprint, its
        cluster) if needed."""
        if self._unbuilt:
            self._highlight_later = article  # highlighted when the list is built
            return
        story = next((s.id for s in self.stories if article in s.articles), None)
        if story is not None:
            self.expand(story)
        row = self._rows.get(article)
        if row is not None and row[1] and row[0].original.id not in self.open_clusters:
            self.open_clusters.add(row[0].original.id)
            self.rebuild()
        try:
            self.highlighted = self.get_option_index(f"a:{article}")
        except Exception:
            return

    # -- rendering -----------------------------------------------------------------------

    def _wrap_width(self) -> int:
        return max(self.scrollable_content_region.width - 2, 20)

    def on_resize(self) -> None:
        if self._unbuilt:
            self._first_page()
            self.rebuild()
        elif self.stories and self._wrap_width() != self._built_width:
            self.rebuild()

    def rebuild(self, keep: str | None = None) -> None:
        """Build every row again; the cursor stays on ``keep`` (default: the article the first
        screen asked for, else the one under the cursor)."""
        self._unbuilt = False
        self._built_width = self._wrap_width()
        keep, self._highlight_later = keep or self._highlight_later or self.highlighted_article, None
        options: list[Option] = []
        self._rows = {}
        width = self._wrap_width()
        order = [(s, self.new_count(s)) for s in self.story_order()]
        if self.new_only:
            order = [(s, new) for s, new in order if new]
        needed = max((i + 1 for i, (s, _) in enumerate(order) if s.id in self.expanded), default=0)
        limit = max(self._shown, needed)
        for story, new in order[:limit]:
            is_open = story.id in self.expanded
            header = Text(f"{'▾' if is_open else '▸'} {one_line(story.label, 60)}", style="bold")
            header.append(f"  {self._counts_label(story, new)}", style="italic")
            options.append(Option(hanging(header, width, 2), id=f"s:{story.id}"))
            if is_open:
                options.extend(self._story_rows(story))
        if len(order) > limit:
            more = Text(f"… {len(order) - limit} more stories (move here or press enter to list them)",
                        style="italic")
            options.append(Option(more, id=MORE))
        if not options and self.new_only and self.stories:
            empty = Text("Nothing new since your last visit: press w to show every story.", style="italic")
            options.append(Option(empty, id="-empty"))
        if not options:
            empty = Text("No articles yet: run `wiredesk index PATH` in a shell (or `wiredesk seeds` for "
                         "the demo); they appear here by themselves.", style="italic")
            options.append(Option(empty, id="-empty"))
        self.set_options(options)
        if keep:
            self.highlight_article(keep)
        elif self.highlighted is None and self.option_count:
            self.action_first()

    def independent_label(self, story: str) -> str:
        """`` · 2 independent`` for the story bar when reprints make the independent sources
        fewer than the outlets (empty otherwise, and while the members are not loaded)."""
        summary = self.summaries.get(story)
        if summary is None or summary.independent is None or summary.independent >= summary.outlets:
            return ""
        return f" · {summary.independent} independent"

    def _story_rows(self, story: Story) -> list[Option]:
        """An open story's rows: each wire text, and under an opened one its reprints."""
        rows: list[Option] = []
        for cluster in self.clusters(story):
            self._rows[cluster.original.id] = (cluster, False)
            rows.append(Option(self._prompt(cluster.original), id=f"a:{cluster.original.id}"))
            for reprint in cluster.reprints:
                self._rows[reprint.id] = (cluster, True)
                if cluster.original.id in self.open_clusters:
                    rows.append(Option(self._prompt(reprint), id=f"a:{reprint.id}"))
        return rows

    def _counts_label(self, story: Story, new: int) -> str:
        """``12 articles · 5 outlets · 2 independent sources · 3 new · ◆2 contested`` (the
        parts that are known; independent sources once the members are loaded, and only when
        reprints make them fewer than the outlets)."""
        summary = self.summaries.get(story.id)
        size = summary.articles if summary else len(story.articles)
        parts = [f"{size} article{'s' if size != 1 else ''}"]
        if summary is not None:
            parts.append(f"{summary.outlets} outlet{'s' if summary.outlets != 1 else ''}")
            if summary.independent is not None and summary.independent < summary.outlets:
                parts.append(f"{summary.independent} independent source{'s' if summary.independent != 1 else ''}")
        if new:
            parts.append(f"{new} new")
        if story.id in self.contested:
            parts.append(f"{STATUS_GLYPHS['contested']}{self.contested[story.id]} contested")
        return " · ".join(parts)

    def _refresh_row(self, article: str) -> None:
        found = self.articles.get(article)
        if found is None:
            return
        try:
            self.replace_prompt_in_place(f"a:{article}", self._prompt(found))
        except Exception:
            return

    def _prompt(self, article: Article) -> Text:
        """An article's row: marks, outlet and age; the title; claim counts, date and, for a
        wire text, its reprints ("▸ +3 reprints", "▾ 3 reprints" when shown). A reprint's
        row is indented under its original on a tree (``├`` ``└``) and says "⧉ reprint"."""
        cluster, is_reprint = self._rows.get(article.id, (None, False))
        if cluster is not None and is_reprint:
            row = self._row(article, self._wrap_width() - 4, cluster)
            last = cluster.reprints[-1].id == article.id
            lines = row.split("\n")
            out = Text()
            for i, line in enumerate(lines):
                out.append("\n" if i else "")
                out.append(("  └ " if last else "  ├ ") if i == 0 else ("    " if last else "  │ "))
                out.append_text(line)
            return out
        return self._row(article, self._wrap_width(), cluster)

    def _row(self, article: Article, width: int, cluster: Cluster | None) -> Text:
        state = self.triage.get(article.id, TriageState())
        first = Text(no_wrap=False)
        first.append("▶" if article.id == self.open_article else " ", style="bold")
        first.append("•" if not state.read else " ", style="bold")
        first.append("★" if state.starred else " ")
        first.append("✗" if state.dismissed else " ")
        if article.id in self.new_articles:
            first.append("new", style="bold reverse")
            first.append(" ")
        first.append(outlet_name(article), style="bold")
        age = age_label(article, self.now)
        if age:
            first.append(f" {age}", style="italic")
        # One line (the full title heads the article): a row of three lines keeps a cursor
        # move to two small repaints over SSH.
        title = Text("    " + (one_line(article.title, max(width - 4, 8)) or "(untitled)"))
        if state.dismissed:
            title.stylize("strike", 4)
        elif not state.read:
            title.stylize("bold", 4)
        details = Text("    ", style="italic")
        if article.id in self.counts:
            claims, contested, single = self.counts[article.id]
            details.append(f"{claims} claims {STATUS_GLYPHS['contested']}{contested}"
                           f" {STATUS_GLYPHS['single']}{single} · ")
        details.append(published_label(article) if not age else published_label(article)[:10])
        if cluster is not None and cluster.original.id != article.id:
            details.append(" · ⧉ reprint")  # of the original above it on the tree
        elif article.copy_of:  # its original is in another story, or not loaded
            original = self.articles.get(article.copy_of)
            name = outlet_name(original) if original else one_line(article.copy_of, 12)
            details.append(f" · ⧉ copy of {name}")
        if cluster is not None and cluster.original.id == article.id and cluster.reprints:
            count = len(cluster.reprints)
            if article.id in self.open_clusters:
                details.append(f" · ▾ {count} reprint{'s' if count != 1 else ''}")
            else:
                details.append(f" · ▸ +{count} reprint{'s' if count != 1 else ''}")
        row = hanging(first, width, 4)
        for part in (title, details):
            row.append("\n")
            row.append_text(hanging(part, width, 4))
        return row

    # -- wire clusters -------------------------------------------------------------------

    def _cluster_here(self) -> tuple[Cluster, bool] | None:
        """The cluster of the article under the cursor, when it has reprints."""
        article = self.highlighted_article
        row = self._rows.get(article) if article else None
        return row if row is not None and row[0].reprints else None

    def action_toggle_reprints(self) -> None:
        """``space``: show or hide the reprints of the wire text under the cursor (on a
        reprint: hide them and go back to the original)."""
        here = self._cluster_here()
        if here is None:
            return
        cluster, is_reprint = here
        if is_reprint or cluster.original.id in self.open_clusters:
            self.close_cluster(cluster.original.id)
        else:
            self.open_cluster(cluster.original.id)

    def action_open_reprints(self) -> None:
        """``→``: show the reprints; when they show already, go to the first."""
        here = self._cluster_here()
        if here is None or here[1]:
            return
        cluster = here[0]
        if cluster.original.id in self.open_clusters:
            self.highlighted = self.get_option_index(f"a:{cluster.reprints[0].id}")
        else:
            self.open_cluster(cluster.original.id)

    def action_close_reprints(self) -> None:
        """``←``: hide the reprints (from a reprint: and go back to its original)."""
        here = self._cluster_here()
        if here is not None and (here[1] or here[0].original.id in self.open_clusters):
            self.close_cluster(here[0].original.id)

    def open_cluster(self, original: str) -> None:
        self.open_clusters.add(original)
        self.rebuild(keep=original)

    def close_cluster(self, original: str) -> None:
        """Fold a cluster; the cursor goes to its original (the row that stays)."""
        self.open_clusters.discard(original)
        self.rebuild(keep=original)

    def show_more(self, everything: bool = False) -> None:
        """Build the next page of story headers (``everything``: all of them); the cursor
        stays on the row it was on, which is then the first new story."""
        at = self.highlighted
        self._shown = len(self.stories) if everything else self._shown + PAGE
        self.rebuild()
        if at is not None and at < self.option_count:
            self.highlighted = at

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        option = self.highlighted_option
        if option is not None and option.id == MORE:
            self.show_more()

    def action_last(self) -> None:
        if self.option_count and self.get_option_at_index(self.option_count - 1).id == MORE:
            self.show_more(everything=True)
        super().action_last()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ref = event.option.id or ""
        if ref == MORE:
            self.show_more()
            return
        if ref.startswith("a:"):
            self.post_message(self.ArticleChosen(self, ref[2:]))
        elif ref.startswith("s:"):
            story = ref[2:]
            if story in self.expanded:
                self.expanded.discard(story)  # enter on an open story's header folds it
                self.rebuild()
                self.highlighted = self.get_option_index(ref)
            else:
                self.expand(story)
            self.post_message(self.StoryChosen(self, story))
