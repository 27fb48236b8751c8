"""A story's articles in publication order, the figures each gave, and where a figure
changed from one report to the next.

Built only from what the service exposes: each article's ``published`` (a date) and
``published_at`` (a date and time, when the source gives one), and the engine's facts with
each outlet's value. Order is only claimed where it is known: two reports of the same day
without a time, or a report without any date, cannot be put before or after each other, so a
difference between them is shown as a difference (``ordered: false``), never as a change.
When the engine calls a contested fact an ``update`` (values ordered by publication time)
that is what the change is labelled; otherwise it carries the engine's conflict kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..models import Article, Fact


@dataclass(frozen=True)
class Change:
    """This report's value differs from the one before it (``previous`` from ``after``)."""

    previous: str
    after: str
    """The article whose value this one replaces (the latest report before it)."""
    kind: str
    """``update`` when the engine says so, else the conflict kind (``value``, ``bound``...)."""
    ordered: bool
    """False when the two reports' order is unknown (same day without times, or no date)."""

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.previous, "from_article": self.after, "kind": self.kind, "ordered": self.ordered}


@dataclass(frozen=True)
class Figure:
    """One fact as one article gave it."""

    fact: str
    label: str
    status: str
    value: str
    wording: str
    sentence: str
    change: Change | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact, "label": self.label, "status": self.status, "value": self.value,
            "wording": self.wording, "sentence": self.sentence,
            "change": self.change.to_dict() if self.change else None,
        }


@dataclass
class Entry:
    """One article in the timeline."""

    article: Article
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": a.id, "outlet": a.outlet, "title": a.title, "published": a.published,
            "published_at": a.published_at, "url": a.url, "copy_of": a.copy_of,
            "figures": [f.to_dict() for f in self.figures],
        }


@dataclass
class Timeline:
    story: str
    entries: list[Entry]

    @property
    def changes(self) -> int:
        return sum(1 for e in self.entries for f in e.figures if f.change is not None and f.change.ordered)

    def to_dict(self) -> dict[str, Any]:
        return {"story": self.story, "articles": [e.to_dict() for e in self.entries]}


def sort_key(article: Article) -> tuple[int, str, str, str]:
    """Dated reports first, by date and time (a time-less report first within its day),
    then undated ones; the id breaks ties so the order never depends on the index."""
    if article.published_at:
        return (0, article.published_at[:10], article.published_at, article.id)
    if article.published:
        return (0, article.published, "", article.id)
    return (1, "", "", article.id)


def before(a: Article, b: Article) -> bool:
    """True only when ``a`` is known to have been published before ``b``."""
    day_a, day_b = (a.published_at or "")[:10] or a.published, (b.published_at or "")[:10] or b.published
    if not day_a or not day_b:
        return False
    if day_a != day_b:
        return day_a < day_b
    return bool(a.published_at and b.published_at and a.published_at < b.published_at)


def build(story: str, articles: Iterable[Article], facts: Iterable[Fact]) -> Timeline:
    """The timeline of one story; ``facts`` are the engine's (single-source ones included:
    they are a report's figures too, though they can never change)."""
    ordered = sorted(articles, key=sort_key)
    entries = {a.id: Entry(a) for a in ordered}
    for fact in facts:
        given: dict[str, tuple[str, str, str]] = {}  # article -> (value, wording, sentence)
        for value in fact.values:
            for ev in value.evidence:
                given.setdefault(ev.article, (value.value, ev.value or value.value, ev.sentence))
        last: tuple[Article, str] | None = None
        for article in ordered:
            if article.id not in given:
                continue
            value, wording, sentence = given[article.id]
            change = None
            if last is not None and last[1] != value and fact.status == "contested":
                kind = fact.conflict or "value"
                change = Change(last[1], last[0].id, kind, before(last[0], article))
            entries[article.id].figures.append(Figure(fact.id, fact.label, fact.status, value, wording,
                                                      sentence, change))
            last = (article, value)
    return Timeline(story, list(entries.values()))
