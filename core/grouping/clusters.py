"""Candidate pairs by blocking, pair scores, and union-find: the sub-quadratic core.

Comparing every pair of 10,000 articles is 50 million comparisons; instead each article
proposes partners that share at least two of its rarest terms (an inverted index over
terms held by few articles; terms held by many say nothing about the event and are
skipped). Only those pairs are scored.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from .features import SKETCH_SIZE, DocFeatures, Vector, Vocabulary

KEYS_PER_DOC = 16
"""How many of an article's rarest, heaviest terms it is blocked on."""
MAX_PARTNERS = 60
"""Partners scored per article, the ones sharing most keys first: bounds the work."""


def df_cap(n_docs: int) -> int:
    """Terms held by more articles than this are too common to propose partners.

    A floor keeps small folders fully connected (every term is "rare" among 9 articles);
    it grows with the corpus, so a 300-article story still blocks on its own names.
    """
    return max(50, n_docs // 50)


def blocking_keys(docs: Sequence[DocFeatures], vocab: Vocabulary, cap: int) -> list[list[int]]:
    """Per article, its ``KEYS_PER_DOC`` rarest terms held by at least one other article."""
    idfs = vocab.idf_table(len(docs))
    dfs = vocab.df_table()
    keys: list[list[int]] = []
    for doc in docs:
        ranked = [
            (w * idfs[tid], tid) for tid, w in zip(doc.terms, doc.weights, strict=True) if 2 <= dfs[tid] <= cap
        ]
        keys.append([tid for _, tid in heapq.nlargest(KEYS_PER_DOC, ranked)])
    return keys


def candidate_pairs(
    docs: Sequence[DocFeatures], vocab: Vocabulary
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Pairs ``(i, j)``, ``i < j``, worth scoring: those sharing at least two blocking keys
    (one when an article has fewer than three keys), and separately those sharing a
    near-duplicate sketch value (which may also be in the first set)."""
    cap = df_cap(len(docs))
    keys = blocking_keys(docs, vocab, cap)
    wanted = {tid for ks in keys for tid in ks}
    postings: dict[int, list[int]] = {tid: [] for tid in wanted}
    for i, doc in enumerate(docs):
        for tid in doc.terms:
            if tid in wanted:
                postings[tid].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        if not ks:
            continue
        shared: Counter[int] = Counter()
        for tid in ks:
            shared.update(postings[tid])
        del shared[i]
        need = 2 if len(ks) >= 3 else 1
        partners = [(c, j) for j, c in shared.items() if c >= need]
        if len(partners) > MAX_PARTNERS:
            partners = heapq.nlargest(MAX_PARTNERS, partners)
        for _, j in partners:
            pairs.add((i, j) if i < j else (j, i))
    return pairs, sketch_pairs(docs)


SKETCH_CAP = 50
"""A sketch value held by more articles than this is boilerplate, not a sign of copying."""


def sketch_pairs(docs: Sequence[DocFeatures], cap: int = SKETCH_CAP) -> set[tuple[int, int]]:
    """Pairs sharing at least two of their smallest sampled shingle hashes.

    Near-duplicates share most of their smallest hashes; articles that merely share a
    stock phrase share one at most.
    """
    postings: dict[int, list[int]] = {}
    for i, doc in enumerate(docs):
        for h in doc.sketch:
            postings.setdefault(h, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= cap:
            shared.update(
                (members[a], members[b]) for a in range(len(members)) for b in range(a + 1, len(members))
            )
    need = min(2, SKETCH_SIZE)
    return {pair for pair, count in shared.items() if count >= need}


def time_factor(a: date | None, b: date | None) -> float:
    """Articles published weeks apart are less likely to cover the same event.

    Within three days nothing changes; beyond, the score fades, down to 0.3 after a month,
    so a recurring name (a minister, a company) does not glue months of news together.
    """
    if a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    return 1.0 if gap <= 3 else max(0.3, 1.0 - (gap - 3) / 40.0)


def score(va: dict[int, float], vb: Vector) -> float:
    """Cosine of two unit vectors, the first as a dict (built once per article and reused
    for all of its partners), the second as stored."""
    get = va.get
    return sum(w * get(t, 0.0) for t, w in zip(vb.ids, vb.weights, strict=True))


class UnionFind:
    """Disjoint sets over ``0..n-1`` with path halving and union by size."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]

    def groups(self, items: Iterable[int]) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in items:
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
