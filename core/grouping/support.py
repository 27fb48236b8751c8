"""Weak links between two stories: a merge needs the support of many of their pairs.

The pair rule joins two articles on a modest score when they share enough rare names
(``LOOSE_THRESHOLD``, ``SHORT_THRESHOLD``): the way one outlet's report and another's
share an event while each tells it in its own words. Applied pair by pair, one such link
glues two whole stories together. Two prizes awarded by one academy in one week share the
academy, the city, the prize and its money; of the 25 pairs between two five-article
stories, two or three clear the loose rule and the rest do not. Reports of one event are
linked by most of their pairs.

So the weak links are applied after the strong ones, component by component: two groups
of two or more articles merge only when at least ``WEAK_SUPPORT`` of the pairs between
them are linked; a lone article joins the one group it is best linked to (links per
member), never two, so it cannot bridge them, and takes along a lone article linked to
it (two lone articles that each joined a different group are not put together).
Decisions are taken on the groups the strong links made, so the order of the pairs does
not matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from .clusters import UnionFind

WEAK_SUPPORT = 0.3
"""Share of the pairs between two groups that must be weakly linked for them to merge."""


def join_weak(
    uf: UnionFind, weak: Iterable[tuple[int, int]], n: int, copies: Collection[int] = (),
) -> None:
    """Apply weak links ``weak`` (pairs of article indexes below ``n``) to ``uf``.

    ``copies`` are articles that stand in a family for their original (``families``): the
    pair rule never scored them, so they do not count in a group's size."""
    root = [uf.find(i) for i in range(n)]
    size = Counter(r for i, r in enumerate(root) if i not in copies)
    links: Counter[tuple[int, int]] = Counter()
    for i, j in weak:
        a, b = root[i], root[j]
        if a != b:
            links[(a, b) if a < b else (b, a)] += 1
    best: dict[int, tuple[float, int]] = {}  # lone article's root -> (links per member, group)
    merges: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []  # two lone articles linked
    for (a, b), count in sorted(links.items()):
        if size[a] > 1 and size[b] > 1:
            if count >= WEAK_SUPPORT * size[a] * size[b]:
                merges.append((a, b))
        elif size[a] == 1 and size[b] == 1:
            pairs.append((a, b))
        else:
            lone, group = (a, b) if size[a] == 1 else (b, a)
            strength = (count / size[group], -group)
            if lone not in best or strength > best[lone]:
                best[lone] = strength
    for a, b in merges:
        uf.union(a, b)
    joined = {lone: -neg_group for lone, (_, neg_group) in best.items()}
    for lone, group in sorted(joined.items()):
        uf.union(lone, group)
    for a, b in pairs:  # two lone articles go together, into the story one of them joined
        if a not in joined or b not in joined or joined[a] == joined[b]:
            uf.union(a, b)
