"""Wire clusters: an original text and the reprints of it, within one story.

Grouping links each reprint to the earlier article whose text it reproduces
(``Article.copy_of``). A desk editor reads five outlets carrying one wire text as *one*
source with four reprints, so the reader, the CLI and the story headers show a story's
articles as clusters (the original heading its reprints) and count independent sources the
way the facts engine does (``core/facts/observe.roots_of``): follow ``copy_of`` to the
original, then take its outlet — two pieces by one outlet are one source, and a reprint
adds none.

Only links inside the story count: a reprint whose original sits in another story (or is
not loaded) heads its own cluster, as it is the only copy of that text the story has. This
module is plain Python over ``Article`` summaries (no bodies, no SQLite), cheap enough for
the reader's first screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .models import Article


@dataclass
class Cluster:
    """One text of a story: the article that heads it and the reprints of it, in the order
    the caller listed them."""

    original: Article
    reprints: list[Article] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [self.original.id, *(a.id for a in self.reprints)]


def heads(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's cluster head: follow ``copy_of`` while the original is among
    ``articles`` and in the same story (a cycle, which grouping never makes, stops where it
    closes). An original is its own head."""
    by_id = {a.id: a for a in articles}
    out: dict[str, str] = {}
    for article in by_id.values():
        seen = {article.id}
        cur = article
        while True:
            nxt = by_id.get(cur.copy_of or "")
            if nxt is None or nxt.id in seen or nxt.story != article.story:
                break
            seen.add(nxt.id)
            cur = nxt
        out[article.id] = cur.id
    return out


def clusters(articles: Sequence[Article]) -> list[Cluster]:
    """``articles`` (one story's, in display order) as clusters, each where its first member
    is listed (newest first lists a wire text where its latest reprint would be: the latest
    activity), its original heading its reprints, which keep the given order. A reprint whose
    original is not in ``articles`` heads a cluster of its own."""
    head = heads(articles)
    by_id = {a.id: a for a in articles}
    out: dict[str, Cluster] = {}
    for article in articles:
        key = head[article.id]
        cluster = out.get(key)
        if cluster is None:
            cluster = out[key] = Cluster(by_id[key])
        if key != article.id:
            cluster.reprints.append(article)
    return list(out.values())


def source_key(article: Article, outlet: Callable[[Article], str | None] | None = None) -> str:
    """What makes an article one source: its outlet, folded (``outlet`` names it; default
    the stored outlet), else the article itself."""
    name = outlet(article) if outlet is not None else article.outlet
    folded = " ".join((name or "").casefold().split())
    return f"outlet:{folded}" if folded else f"article:{article.id}"


def independent_sources(articles: Sequence[Article], outlet: Callable[[Article], str | None] | None = None,
                        head: Mapping[str, str] | None = None) -> int:
    """How many independent sources the articles are: distinct outlets of the texts that
    are not reprints of another article among them (``head``: ``heads`` of these articles or
    of more, when the caller has it already)."""
    head = heads(articles) if head is None else head
    return len({source_key(a, outlet) for a in articles if head[a.id] == a.id})


def outlets(articles: Sequence[Article], outlet: Callable[[Article], str | None] | None = None) -> int:
    """How many outlets carry the articles, reprints included (folded as ``source_key``)."""
    return len({source_key(a, outlet) for a in articles})
