"""Builders shared by the claims tests: an ``Article`` from a body, and mention lookups."""

from __future__ import annotations

from typing import Any

from wiredesk.core.claims import Analysis, analyze
from wiredesk.core.models import Article, Mention


def make_article(
    body: str,
    *,
    published: str | None = "2024-03-14",
    published_at: str | None = None,
    dateline: str | None = None,
    captions: list[tuple[int, int]] | None = None,
) -> Article:
    """An indexed-looking article around ``body`` (2024-03-14 is a Thursday)."""
    return Article(
        id="t1",
        path="t1.txt",
        content_hash="h",
        body=body,
        raw=body,
        format="text",
        title=None,
        outlet=None,
        byline=None,
        published=published,
        published_at=published_at,
        dateline=dateline,
        url=None,
        captions=list(captions or []),
        removed=[],
        indexed_at="2024-03-14T00:00",
    )


def run(body: str, **kw: Any) -> Analysis:
    return analyze(make_article(body, **kw))


def mentions(analysis: Analysis, kind: str) -> list[Mention]:
    return [m for c in analysis.claims for m in c.mentions if m.kind == kind]


def one(body: str, kind: str, **kw: Any) -> Mention:
    """The single mention of ``kind`` in ``body`` (fails if there is not exactly one)."""
    found = mentions(run(body, **kw), kind)
    assert len(found) == 1, [(m.text, m.normalized) for m in found]
    return found[0]
