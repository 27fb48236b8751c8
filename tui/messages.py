"""Messages the workers post back to the app: small dataclasses, one per result.

Workers run the blocking service calls in threads; the UI only changes in the handlers of
these messages, on the event loop. Progress messages replace each other in the queue
(``can_replace``) so a fast indexer cannot flood the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from ..core.models import Article, Claim, Fact, Story
from ..core.store.triage import TriageState
from .preload import InitialData


@dataclass
class IndexProgress(Message):
    """The indexer reached ``done`` of ``total`` sources."""

    source: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexFinished(Message):
    """Indexing finished; ``errors`` holds one line per input that failed."""

    added: int
    errors: list[str] = field(default_factory=list)
    changed: bool = False
    wanted: list[str] = field(default_factory=list)
    """Ids of the articles read from the given paths: their story is the one to open."""


@dataclass
class LibraryLoaded(Message):
    """Every story with its article summaries, and the triage marks."""

    stories: list[Story]
    articles: dict[str, Article]
    triage: dict[str, TriageState]
    version: int = 0
    recovered: str | None = None
    """One line when the index was damaged and rebuilt on open."""
    unseen: set[str] = field(default_factory=set)
    """Articles new since their story's last visit."""
    contested: dict[str, int] = field(default_factory=dict)
    """story id -> contested facts, for the stories whose facts are cached."""
    paged: bool = False
    """The rest of a first screen that read one story: the open story stays as it is."""
    marks_since: int = 0
    """``RecentMarks.mark()`` when the load began reading (see ``tui/triage_marks.py``)."""


@dataclass
class InitialLoaded(Message):
    """The first screen's data in one message: library, first story, first article."""

    data: InitialData


@dataclass
class IndexChanged(Message):
    """Another process (or our indexer) changed what the reader shows."""

    version: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexChanged)


@dataclass
class StoryLoaded(Message):
    """One story's facts and per-article counts, with what is new since the last visit."""

    story: str
    facts: list[Fact]
    counts: dict[str, tuple[int, int, int]]
    """article id -> (claims, contested, single-source)."""
    new_articles: set[str]
    new_facts: set[str]


@dataclass
class ArticleLoaded(Message):
    """A full article and its claims, with an optional span to bring into view."""

    article: Article
    claims: list[Claim]
    focus: tuple[int, int] | None = None


@dataclass
class Prefetched(Message):
    """Full articles with their claims, read ahead so opening one needs no worker."""

    version: int | None
    loaded: dict[str, tuple[Article, list[Claim]]]


@dataclass
class TriageChanged(Message):
    """An article's triage marks after a toggle."""

    article: str
    state: TriageState


@dataclass
class SearchResults(Message):
    """Full-text search hits: (article, snippet)."""

    query: str
    hits: list[tuple[Article, str]]
