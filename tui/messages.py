"""Messages the workers post back to the app: small classes, one per result.

Workers run the blocking service calls in threads; the UI only changes in the handlers of
these messages, on the event loop. Progress messages replace each other in the queue
(``can_replace``) so a fast indexer cannot flood the UI.

Written as plain classes with an ``__init__``, not dataclasses: every ``@dataclass``
compiles its generated methods when the module is imported (about half a millisecond a
class), and these are imported before the reader's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..core.models import Article, Claim, Fact, Story
    from ..core.store.triage import TriageState
    from .preload import InitialData


class IndexProgress(Message):
    """The indexer reached ``done`` of ``total`` sources."""

    def __init__(self, source: str, done: int, total: int) -> None:
        super().__init__()
        self.source = source
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


class IndexFinished(Message):
    """Indexing finished; ``errors`` holds one line per input that failed."""

    def __init__(self, added: int, errors: list[str] | None = None, changed: bool = False,
                 wanted: list[str] | None = None) -> None:
        super().__init__()
        self.added = added
        self.errors = errors if errors is not None else []
        self.changed = changed
        self.wanted = wanted if wanted is not None else []
        """Ids of the articles read from the given paths: their story is the one to open."""


class LibraryLoaded(Message):
    """Every story with its article summaries, and the triage marks."""

    def __init__(self, stories: list[Story], articles: dict[str, Article], triage: dict[str, TriageState],
                 version: int = 0, recovered: str | None = None, unseen: set[str] | None = None,
                 contested: dict[str, int] | None = None, paged: bool = False, marks_since: int = 0) -> None:
        super().__init__()
        self.stories = stories
        self.articles = articles
        self.triage = triage
        self.version = version
        self.recovered = recovered
        """One line when the index was damaged and rebuilt on open."""
        self.unseen = unseen if unseen is not None else set()
        """Articles new since their story's last visit."""
        self.contested = contested if contested is not None else {}
        """story id -> contested facts, for the stories whose facts are cached."""
        self.paged = paged
        """The rest of a first screen that read one story: the open story stays as it is."""
        self.marks_since = marks_since
        """``RecentMarks.mark()`` when the load began reading (see ``tui/triage_marks.py``)."""


class InitialLoaded(Message):
    """The first screen's data in one message: library, first story, first article."""

    def __init__(self, data: InitialData) -> None:
        super().__init__()
        self.data = data


class IndexChanged(Message):
    """Another process (or our indexer) changed what the reader shows."""

    def __init__(self, version: int) -> None:
        super().__init__()
        self.version = version

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexChanged)


class StoryLoaded(Message):
    """One story's facts and per-article counts, with what is new since the last visit."""

    def __init__(self, story: str, facts: list[Fact], counts: dict[str, tuple[int, int, int]],
                 new_articles: set[str], new_facts: set[str]) -> None:
        super().__init__()
        self.story = story
        self.facts = facts
        self.counts = counts
        """article id -> (claims, contested, single-source)."""
        self.new_articles = new_articles
        self.new_facts = new_facts


class ArticleLoaded(Message):
    """A full article and its claims, with an optional span to bring into view."""

    def __init__(self, article: Article, claims: list[Claim], focus: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.article = article
        self.claims = claims
        self.focus = focus


class Prefetched(Message):
    """Full articles with their claims, read ahead so opening one needs no worker."""

    def __init__(self, version: int | None, loaded: dict[str, tuple[Article, list[Claim]]]) -> None:
        super().__init__()
        self.version = version
        self.loaded = loaded


class TriageChanged(Message):
    """An article's triage marks after a toggle."""

    def __init__(self, article: str, state: TriageState) -> None:
        super().__init__()
        self.article = article
        self.state = state


class SearchResults(Message):
    """Full-text search hits: (article, snippet)."""

    def __init__(self, query: str, hits: list[tuple[Article, str]]) -> None:
        super().__init__()
        self.query = query
        self.hits = hits
