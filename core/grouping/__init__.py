"""Story grouping and reprint detection. PLACEHOLDER: one story for everything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from wiredesk.core.models import Article, Story


@dataclass
class Grouping:
    """Stories over a set of articles, and which article copies which (reprints)."""

    stories: list[Story]
    copy_of: dict[str, str | None] = field(default_factory=dict)


def group_articles(articles: Sequence[Article]) -> Grouping:
    if not articles:
        return Grouping([])
    return Grouping([Story("s1", articles[0].title or "story", [a.id for a in articles])])
