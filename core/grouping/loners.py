"""Articles left alone by the pair rule, placed against a whole story.

Outlets covering one event each quote their own officials and wrap the shared facts in
their own background, so one report can share a name or two and a modest score with every
other report without clearing the pair rule against any of them: the story keeps the
reports that resemble each other and drops the one that resembles all of them a little.
Its contests vanish with it, since they are exactly the values only it gives.

Against the story as a whole (the sum of its members' vectors, and every name its members
use) that report scores what it scores against the event. A lone article joins the story
it is closest to when that score clears ``LONER_THRESHOLD`` and it shares a rare name and
``LONER_CONTENT`` rare plain words with the story. Only loners are placed, only against
stories of two or more, and each decision uses the stories as the pair rule left them, so
the result does not depend on the order of the articles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .clusters import UnionFind, time_factor
from .features import DocFeatures, Vector

LONER_THRESHOLD = 0.15
"""Score of a lone article against a story's summed vector that places it there: the pair
rule's loose floor, which a whole story clears with one name when it also shares what
happened (``LONER_CONTENT``). Local papers and tabloids that never name the region score
0.13-0.18 against the story they belong to."""
LONER_NAMES = 1
"""Rare names (see ``df_cap``) a lone article must share with the story it joins."""
LONER_CONTENT = 8
"""Rare plain words (neither names nor dates) it must share with the story's vector: reports
of one event share what happened (inmates, riot, guards, escaped; a dozen or more in full
reports), while a story that only shares a person or a place shares three or four."""


def attach_loners(
    uf: UnionFind, docs: Sequence[DocFeatures], vecs: Sequence[Vector], missed: Iterable[tuple[int, int]],
    dfs: Sequence[int], cap: int, fixed: frozenset[int] = frozenset(),
) -> None:
    """Join each lone article to the story it scores best against (see the module docstring).

    ``missed`` holds the pairs the pair rule scored and did not join: the only stories worth
    scoring a loner against. ``fixed`` are articles that must not move (in the incremental
    pass, articles already indexed alone stay as the full pass placed them).
    """
    n = len(docs)
    groups = uf.groups(range(n))
    group_of = {i: k for k, members in enumerate(groups) for i in members}
    candidates: dict[int, set[int]] = {}
    for i, j in missed:
        for a, b in ((i, j), (j, i)):
            if a in fixed or len(groups[group_of[a]]) != 1 or len(groups[group_of[b]]) < 2:
                continue
            candidates.setdefault(a, set()).add(group_of[b])
    if not candidates:
        return
    centroids: dict[int, dict[int, float]] = {}
    names: dict[int, set[int]] = {}
    decisions: list[tuple[int, int]] = []
    for a in sorted(candidates):
        own = vecs[a].as_dict()
        own_names = {t for t in docs[a].names if dfs[t] <= cap}
        best: tuple[float, int] | None = None
        for k in sorted(candidates[a]):
            if k not in centroids:
                centroids[k] = _centroid(vecs[m] for m in groups[k])
                names[k] = {t for m in groups[k] for t in docs[m].names}
            fade = max(time_factor(docs[a].published, docs[m].published) for m in groups[k])
            s = sum(w * centroids[k].get(t, 0.0) for t, w in own.items()) * fade
            if len(own_names & names[k]) < LONER_NAMES:
                continue
            shared = sum(1 for t in own if t in centroids[k] and t not in names[k] and t not in own_names
                         and dfs[t] <= cap)
            if shared < LONER_CONTENT:
                continue  # the same governor in a budget story: her names, not what happened
            if s >= LONER_THRESHOLD and (best is None or s > best[0]):
                best = (s, k)
        if best is not None:
            decisions.append((a, groups[best[1]][0]))
    for a, member in decisions:
        uf.union(a, member)


def _centroid(members: Iterable[Vector]) -> dict[int, float]:
    """The unit-length sum of the members' unit vectors."""
    total: dict[int, float] = {}
    for v in members:
        for t, w in zip(v.ids, v.weights, strict=True):
            total[t] = total.get(t, 0.0) + w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {t: w / norm for t, w in total.items()}
