"""What the source list's story headers show, read without loading every article.

A reader opening a 10,000-article index should not read 10,000 rows before its first paint:
the headers need only each story's size, outlets and latest activity, which one grouped
query over the ``articles_story`` index gives in milliseconds. What needs the members
(which articles are new since the last visit, the contested count from the facts cache) is
read after the first paint, by the functions below that take the loaded stories.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..models import Article, Story
from ..reprint_clusters import independent_sources
from .index import Index
from .triage import TriageStore


@dataclass(frozen=True)
class StorySummary:
    """One story header: its size, its outlets and its latest activity."""

    id: str
    label: str
    articles: int
    outlets: int
    latest: str
    """The newest member's publication time (its indexing time when it has none): the
    source list lists the story with the latest activity first."""
    independent: int | None = None
    """Independent sources: outlets of the texts that are not reprints (see
    ``core/reprint_clusters.py``); None when the members are not loaded yet."""


_SUMMARY_SQL = """
    SELECT s.id AS id, s.label AS label, count(a.id) AS articles,
           count(DISTINCT lower(coalesce(a.outlet, a.url, a.id))) AS outlets,
           max(coalesce(a.published_at, a.published, substr(a.indexed_at, 1, 16))) AS latest
    FROM stories s JOIN articles a ON a.story = s.id
    GROUP BY s.id ORDER BY latest DESC, s.id
"""


def story_summaries(db: Index) -> list[StorySummary]:
    """Every story's header figures, latest activity first (one grouped query)."""
    return [StorySummary(r["id"], r["label"], r["articles"], r["outlets"], r["latest"] or "")
            for r in db.conn.execute(_SUMMARY_SQL)]


def summarize(story: Story, articles: dict[str, Article], outlet: Callable[[Article], str]) -> StorySummary:
    """The same figures from a loaded story (after a reload), ``outlet`` naming an article's source."""
    members = [articles[a] for a in story.articles if a in articles]
    latest = max((a.published_at or a.published or (a.indexed_at or "")[:16] for a in members), default="")
    return StorySummary(story.id, story.label, len(members), len({outlet(a).lower() for a in members}), latest,
                        independent_sources(members, outlet))


def unseen_articles(triage: TriageStore, stories: Iterable[Story]) -> set[str]:
    """Articles that arrived since their story's last visit (all of a never-visited story's)."""
    seen: dict[str, set[str]] = {
        r[0]: set(json.loads(r[1])) for r in triage.conn.execute("SELECT story, seen_articles FROM visits")
    }
    return {a for s in stories for a in s.articles if a not in seen.get(s.id, ())}


def cached_contested(db: Index, engine: str, stories: Iterable[str]) -> dict[str, int]:
    """Contested facts per story, for the stories whose facts are cached and current.

    Nothing is computed here: a story never opened (nor reported by ``wiredesk contested``)
    has no entry, and its header shows no contested count rather than a guessed one."""
    out: dict[str, int] = {}
    for story in stories:
        signature = db.story_signature(story)
        cached = db.cached_facts(story, engine, signature) if signature is not None else None
        if cached is not None:
            out[story] = sum(1 for f in cached if f.get("status") == "contested")
    return out
