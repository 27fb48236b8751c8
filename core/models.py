"""The data that crosses module boundaries: what ingest produces, what the index stores,
and what the engine reports.

These are plain dataclasses so the CLI, the app and the tests can share them without
knowing about SQLite or the engine's internals. ``to_dict`` gives the stable JSON shape the
CLI documents (keys may be added, never removed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["contested", "agreed", "single"]
Conflict = Literal["value", "bound", "precision", "spelling", "attribution", "update"]


@dataclass(frozen=True)
class RemovedLine:
    """A line ingest dropped from the body (site chrome, teaser, footer...) and why.

    Kept so ``wiredesk show ID --raw`` can show what was removed: a cleaner that hides its
    work cannot be trusted.
    """

    text: str
    reason: str


@dataclass
class ParsedArticle:
    """One article as ingest understood it, before it gets an identity in the index.

    ``body`` is the cleaned text (paragraphs separated by a blank line) and every offset
    the engine reports is into it. ``raw`` is the decoded source text. Metadata fields are
    ``None`` when the text does not say them: never guessed.
    """

    source: str
    raw: str
    body: str
    format: str = "text"
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    """ISO date, ``YYYY-MM-DD``."""
    published_at: str | None = None
    """ISO date-time when the source gives a time, ``YYYY-MM-DDTHH:MM``; else None."""
    dateline: str | None = None
    url: str | None = None
    captions: list[tuple[int, int]] = field(default_factory=list)
    """Spans of ``body`` that are photo captions, not body text."""
    removed: list[RemovedLine] = field(default_factory=list)


@dataclass
class Article:
    """An indexed article: a parsed article plus its identity and story membership."""

    id: str
    path: str
    content_hash: str
    body: str
    raw: str
    format: str
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    published_at: str | None
    dateline: str | None
    url: str | None
    captions: list[tuple[int, int]]
    removed: list[RemovedLine]
    indexed_at: str
    story: str | None = None
    copy_of: str | None = None

    def summary_dict(self) -> dict[str, Any]:
        """The article's metadata as the CLI's JSON shows it (no body)."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "outlet": self.outlet,
            "byline": self.byline,
            "published": self.published,
            "published_at": self.published_at,
            "dateline": self.dateline,
            "url": self.url,
            "format": self.format,
            "story": self.story,
            "copy_of": self.copy_of,
            "indexed_at": self.indexed_at,
        }

    def to_dict(self, *, raw: bool = False) -> dict[str, Any]:
        """Metadata, body and captions; with ``raw`` also the source text and removed lines."""
        data = self.summary_dict()
        data["body"] = self.body
        data["captions"] = [{"start": s, "end": e} for s, e in self.captions]
        if raw:
            data["raw"] = self.raw
            data["removed"] = [asdict(r) for r in self.removed]
        return data


@dataclass(frozen=True)
class Mention:
    """A normalized thing a sentence asserts: a count, a date, a person, a quote...

    ``kind`` is one of ``count``, ``date``, ``time``, ``person``, ``org``, ``place``,
    ``quote``, ``attribution``, ``hedge``. ``normalized`` holds the machine-comparable form,
    e.g. ``{"op": ">=", "n": 40, "unit": "times"}`` for "at least 40 times".
    Offsets are into the article body.
    """

    kind: str
    start: int
    end: int
    text: str
    normalized: dict[str, Any] = field(default_factory=dict)


@dataclass
class Claim:
    """A sentence (or clause) carrying checkable content, with its mentions.

    ``status`` and ``facts`` are filled by the service once the story's facts are known;
    the engine leaves them empty.
    """

    start: int
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    is_caption: bool = False
    status: Status | None = None
    facts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Written out by hand: the index caches every article's claims, and
        ``dataclasses.asdict``'s recursive deep copy was a fifth of a story's first open."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "mentions": [
                {"kind": m.kind, "start": m.start, "end": m.end, "text": m.text, "normalized": dict(m.normalized)}
                for m in self.mentions
            ],
            "is_caption": self.is_caption,
            "status": self.status,
            "facts": list(self.facts),
        }


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: ``body[start:end] == sentence`` in that article."""

    article: str
    sentence: str
    start: int
    end: int
    value: str | None = None
    """The value as this outlet wrote it in ``sentence`` ("more than 40" under "over 40")."""
    value_start: int | None = None
    value_end: int | None = None
    """Where ``value`` is written in the body (``body[value_start:value_end] == value``): the
    mention the fact read, which the reading pane marks, so the pane and the facts panel show
    the same words. None where a value is not one phrase of the sentence."""


@dataclass
class FactValue:
    """One value a fact takes, with every article that gives it and the sentences behind it."""

    value: str
    normalized: dict[str, Any]
    articles: list[str]
    evidence: list[Evidence]
    published_at: str | None = None
    """When the value was first published: the earliest publication time (or day) among its
    articles, so a reader can tell a toll that rose overnight from outlets that disagree."""


@dataclass
class Fact:
    """A thing several outlets may state, lined up across a story.

    ``status`` is contested (different values), agreed (at least two independent outlets,
    one value) or single (one outlet). ``conflict`` says how a contested fact differs.
    ``sources`` counts independent outlets: reprints do not add support.
    """

    id: str
    story: str
    label: str
    kind: str
    status: Status
    values: list[FactValue]
    conflict: Conflict | None = None
    sources: int = 0
    reasons: list[str] = field(default_factory=list)
    """Why values were grouped or split (e.g. "Yeltsin ~ Eltsine: transliteration")."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        """The inverse of ``to_dict``; tolerates keys older caches lack (defaults apply)."""
        values = [
            FactValue(v["value"], v["normalized"], v["articles"], [Evidence(**e) for e in v["evidence"]],
                      v.get("published_at"))
            for v in data["values"]
        ]
        return cls(**{**data, "values": values})


@dataclass
class Story:
    """Articles about one event. Facts are only compared within a story."""

    id: str
    label: str
    articles: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
