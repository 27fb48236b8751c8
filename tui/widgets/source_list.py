"""The source list: stories, and under each its articles with their marks and counts.

An ``OptionList`` renders only the visible lines, and only the stories the reader opened
are expanded (one header line for each other story), so a 10,000-article index neither
builds 10,000 widgets nor wraps 10,000 prompts. Stories are listed by latest activity, each
header with its counts (articles, outlets, new since the last visit, contested facts when
they are known); the headers come from ``StorySummary`` rows, so the first screen needs only
the open story's articles (the others are paged in after the first paint). ``w`` narrows
the list to what is new since the last visit. Every prompt is a ``rich.text.Text`` built from inert
strings: article metadata never goes through markup.
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
        """A story's articles in the current sort order (newest first, or most contested);
        with the "new" filter on, only its new ones."""
        members = order_articles(story, self.articles, self.counts, self.sort_mode)
        return [a for a in members if a.id in self.new_articles] if self.new_only else members

    def expand(self, story: str) -> None:
        if story not in self.expanded:
            self.expanded.add(story)
            self.rebuild()

    def highlight_article(self, article: str) -> None:
        """Move the cursor to an article, expanding its story if needed."""
        if self._unbuilt:
            self._highlight_later = article  # highlighted when the list is built
            return
        story = next((s.id for s in self.stories if article in s.articles), None)
        if story is not None:
            self.expand(story)
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

    def rebuild(self) -> None:
        self._unbuilt = False
        self._built_width = self._wrap_width()
        keep, self._highlight_later = self._highlight_later or self.highlighted_article, None
        options: list[Option] = []
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
                options.extend(Option(self._prompt(a), id=f"a:{a.id}") for a in self.ordered(story))
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

    def _counts_label(self, story: Story, new: int) -> str:
        """``12 articles · 5 outlets · 3 new · ◆2 contested`` (the parts that are known)."""
        summary = self.summaries.get(story.id)
        size = summary.articles if summary else len(story.articles)
        parts = [f"{size} article{'s' if size != 1 else ''}"]
        if summary is not None:
            parts.append(f"{summary.outlets} outlet{'s' if summary.outlets != 1 else ''}")
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
        state = self.triage.get(article.id, TriageState())
        width = self._wrap_width()
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
        if article.copy_of:
            original = self.articles.get(article.copy_of)
            name = outlet_name(original) if original else one_line(article.copy_of, 12)
            details.append(f" · ⧉ copy of {name}")
        row = hanging(first, width, 4)
        for part in (title, details):
            row.append("\n")
            row.append_text(hanging(part, width, 4))
        return row

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
