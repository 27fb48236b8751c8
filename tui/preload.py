"""Everything the first screen shows, read in one go by one worker.

A returning reader's first screen needs the library, the first story's facts and counts, and
that story's first article. Read one after the other by separate workers, each result was a
message hop and a rebuild of the source list; read together they arrive as one payload that
the screen applies in one step. (Reading it in a thread started before Textual is imported
was tried and measured slower: ~35 ms more CPU to the first paint, as the two threads' imports
and the GIL contended.)
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ..core.models import Article, Claim, Fact, Story
from ..core.reprint_clusters import clusters
from ..core.service import Wiredesk
from ..core.store.summaries import StorySummary
from ..core.store.triage import TriageState


@dataclass
class StoryDetails:
    """One story's facts and per-article counts, with what is new since the last visit."""

    story: str
    facts: list[Fact]
    counts: dict[str, tuple[int, int, int]]
    """article id -> (claims, contested, single-source)."""
    new_articles: set[str]
    new_facts: set[str]


@dataclass
class InitialData:
    """The library's story headers, and when it is not empty its first story (the latest
    activity) with its articles and that story's first article. Only that story's articles
    are read (``paged``): the others arrive after the first paint."""

    stories: list[Story]
    articles: dict[str, Article]
    triage: dict[str, TriageState]
    version: int
    recovered: str | None
    details: StoryDetails | None = None
    article: Article | None = None
    claims: list[Claim] | None = None
    summaries: list[StorySummary] = field(default_factory=list)
    contested: dict[str, int] = field(default_factory=dict)
    """story id -> contested facts, for the first story (the others come with the library)."""
    paged: bool = False
    """Only the first story's members were read: the screen loads the rest after painting."""


def order_articles(story: Story, articles: dict[str, Article], counts: dict[str, tuple[int, int, int]],
                   sort_mode: str = "time") -> list[Article]:
    """A story's articles in a sort order: newest first, or most contested first."""
    members = [articles[a] for a in story.articles if a in articles]
    members.sort(key=lambda a: (a.published_at or a.published or "", a.id), reverse=True)
    if sort_mode == "contested":
        members.sort(key=lambda a: counts.get(a.id, (0, 0, 0))[1], reverse=True)
    return members


def story_details(service: Wiredesk, story: str, article_ids: list[str]) -> StoryDetails:
    """Facts and counts for one story; records the visit (what is "new" next time)."""
    facts = service.facts(story)
    claim_counts = service.claim_counts(story)
    touching: dict[str, list[Fact]] = {}
    for fact in facts:
        for article in {ev.article for v in fact.values for ev in v.evidence}:
            touching.setdefault(article, []).append(fact)
    counts: dict[str, tuple[int, int, int]] = {}
    for article in article_ids:
        claims = claim_counts.get(article)
        mine = touching.get(article, [])
        counts[article] = (
            len(service.claims(article)) if claims is None else claims,  # not in the story now
            sum(1 for f in mine if f.status == "contested"),
            sum(1 for f in mine if f.status == "single"),
        )
    last = service.triage_db.last_visit(story)
    seen_articles, seen_facts = last if last is not None else (set(), set())
    new_articles = set(article_ids) - seen_articles
    new_facts = {f.id for f in facts} - seen_facts
    service.triage_db.record_visit(story, set(article_ids) | seen_articles, {f.id for f in facts} | seen_facts)
    return StoryDetails(story, facts, counts, new_articles, new_facts)


def read_initial(service: Wiredesk, sort_mode: str = "time") -> InitialData:
    """The first screen's data: every story's header figures (one grouped query), the story
    with the latest activity with its articles, and that story's first article. A 10,000-
    article index costs the same as five here: the other stories' articles are not read."""
    recovered = service.ensure_open()
    version = service.data_version()
    summaries = service.story_summaries()
    if not summaries:
        return InitialData([], {a.id: a for a in service.articles()}, service.triage(), version, recovered)
    first = summaries[0]
    members = service.articles(story=first.id)
    articles = {a.id: a for a in members}
    stories = [Story(s.id, s.label, [a.id for a in reversed(members)] if s is first else []) for s in summaries]
    data = InitialData(stories, articles, service.triage(), version, recovered, summaries=summaries,
                       paged=len(summaries) > 1)
    story = stories[0]
    data.details = story_details(service, story.id, list(story.articles))
    data.contested = {story.id: sum(1 for f in data.details.facts if f.status == "contested")}
    # The first row's article: a wire text heads its reprints (``core/reprint_clusters.py``).
    ordered = [c.original for c in clusters(order_articles(story, articles, data.details.counts, sort_mode))]
    if ordered:
        data.article = service.article(ordered[0].id)
        data.claims = service.claims(ordered[0].id)
    return data


class EarlyRead:
    """``read_initial`` on a thread of its own, started before the app runs.

    The reader's first screen waits for two things: Textual's start (driver, stylesheet,
    composing the panes) and this read (SQLite, cached facts). Started when the app object is
    made, the read goes on while Textual starts, and the screen usually finds it done when it
    mounts: it then applies it before the first frame instead of painting empty panes and
    repainting them when a worker's message arrives. (Started before Textual is imported, the
    two threads' imports contended; see the module docstring.)
    """

    def __init__(self, service: Wiredesk) -> None:
        self._done = threading.Event()
        self._data: InitialData | None = None
        self._error: BaseException | None = None
        # A daemon thread: leaving the reader never waits for a long read (see ``exit_fast``).
        threading.Thread(target=self._run, args=(service,), name="wiredesk-first-screen", daemon=True).start()

    def _run(self, service: Wiredesk) -> None:
        try:
            self._data = read_initial(service)
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc
        finally:
            self._done.set()

    def result(self, timeout: float | None = None) -> InitialData | None:
        """The first screen's data, or None if it is still being read after ``timeout`` seconds;
        the read's exception, if it failed, is raised here."""
        if not self._done.wait(timeout):
            return None
        if self._error is not None:
            raise self._error
        return self._data
