"""Placing new articles into the existing stories without regrouping the whole index.

A full regroup of 10,000 articles takes seconds; a feed fetch or a dropped file brings a
handful. Each new article is placed by the same decision as the full pass
(``PairRule.decide``), against a *neighbourhood*: the indexed articles most like it, found
by full-text retrieval on its rarest words (``query_terms``). It joins the story of every
article it links to (merging them, as union-find would in the full pass) or starts its own;
stories it does not touch are left exactly as they are.

Term weights need the document frequencies of the whole index, not of the neighbourhood
(in a neighbourhood of one story every name looks common). The full pass stores how many
articles hold each of its terms (``Grouping.term_df``) and each placement adds its new
articles' terms (``Placement.term_delta``), so ``CorpusStats`` gives the incremental pass
exactly the counts a full regroup would see. ``wiredesk regroup`` remains the full pass;
the ingest benchmark checks that the two agree.
"""

from __future__ import annotations

import gc
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Article
from . import SAMPLE_MARGIN, STRONG, PairRule, _copies, _order_key, stored_lookup
from .clusters import UnionFind, df_cap, sketch_pairs
from .features import Made, TermFeatures, Vocabulary, extract, vectors
from .loners import attach_loners
from .reprints import ShingleCache, containment, estimated_containment
from .support import join_weak
from .text import STOPWORDS, WORD, fold, name_skeleton, normalize_token

QUERY_TERMS = 16
"""Words of a new article sent to the full-text index to find its neighbours."""
NEIGHBOUR_HITS = 6
"""Best-ranked retrieved articles per new article: its neighbourhood. An article linked to
one member of a story joins it, so the best few matches are enough (the rest of a story is
not loaded: placing 10 articles in a 10,000-article index must take a fraction of a second)."""


@dataclass
class CorpusStats:
    """What the index knows about its indexed articles: how many (new ones included), and
    per grouping term how many hold it (new ones not included)."""

    n_docs: int
    doc_counts: Callable[[Iterable[str]], dict[str, int]]


@dataclass
class Placement:
    """The stories new articles join or start, and the terms they add to the index's counts."""

    joins: list[Join]
    term_delta: dict[str, int]


@dataclass
class Join:
    """What one new story-to-be is made of: new articles, the existing stories they join
    (merged into one), and the reprint links that change (new articles' own, and existing
    articles that turn out to copy a new one published earlier than their original)."""

    new: list[str]
    stories: list[str]
    copy_of: dict[str, str | None] = field(default_factory=dict)


def article_terms(article: Article) -> Counter[str]:
    """The article's content words as the full-text index tokenizes them (lowercase,
    accents folded), with counts; stopwords and short tokens left out."""
    text = fold(f"{article.title or ''}\n{article.body}")
    out: Counter[str] = Counter()
    for token in WORD.findall(text):
        key = normalize_token(token)
        if len(key) >= 4 and key not in STOPWORDS and not key.isdigit() and key.isalnum():
            out[key] += 1
    return out


def lookup_keys(word: str) -> tuple[str, ...]:
    """The grouping terms a word may be counted under: itself, and its spelling skeleton
    when it is a name (names are counted by skeleton)."""
    skeleton = name_skeleton(word)
    return (word, "~" + skeleton) if skeleton else (word,)


def query_terms(terms: Counter[str], counts: dict[str, int], n_docs: int) -> list[str]:
    """The ``QUERY_TERMS`` words that best find the article's story: held by at least one
    indexed article and by few overall, weighted by how often the article uses them.
    ``counts`` are the index's counts by grouping term (see ``lookup_keys``)."""
    cap = df_cap(n_docs)
    ranked = []
    for term, tf in terms.items():
        df = max((counts.get(k, 0) for k in lookup_keys(term)), default=0)
        if 1 <= df <= cap:
            ranked.append(((1.0 + math.log(tf)) * math.log(1.0 + n_docs / df), term))
    ranked.sort(reverse=True)
    return [t for _, t in ranked[:QUERY_TERMS]]


def place_articles(
    new: Sequence[Article], neighbours: Sequence[Article], stats: CorpusStats | None = None,
    stored: Mapping[str, TermFeatures] | Callable[[Article], TermFeatures | None] | None = None,
    made: Made | None = None,
) -> Placement:
    """Place ``new`` articles among ``neighbours`` (indexed articles with ``story`` set, the
    ones retrieval found like the new ones) by the full pass's decision rule. Without
    ``stats`` the neighbourhood's own counts weigh the terms (tests). ``stored``: the
    articles' features from the index, and ``made``, as for ``group_articles``."""
    if not new:
        return Placement([], {})
    collecting = gc.isenabled()
    gc.disable()  # as in the full pass: many small objects, no cycles
    try:
        return _place(new, neighbours, stats, stored, made)
    finally:
        if collecting:
            gc.enable()


def _place(
    new: Sequence[Article], neighbours: Sequence[Article], stats: CorpusStats | None,
    stored: Mapping[str, TermFeatures] | Callable[[Article], TermFeatures | None] | None,
    made: Made | None,
) -> Placement:
    new_ids = {a.id for a in new}
    arts = sorted([*(a for a in neighbours if a.id not in new_ids), *new], key=_order_key)
    vocab = Vocabulary()
    lookup = stored_lookup(stored)
    docs = [extract(a, vocab, lookup(a), made) for a in arts]
    n_docs = len(arts)
    fresh = [i for i, a in enumerate(arts) if a.id in new_ids]
    added: Counter[int] = Counter()
    for x in fresh:
        added.update(docs[x].terms)
    names = {tid: term for term, tid in vocab.ids.items()}
    term_delta = {names[tid]: n for tid, n in added.items()}
    if stats is not None:
        n_docs = max(n_docs, stats.n_docs)
        stored = stats.doc_counts(vocab.ids)
        for term, tid in vocab.ids.items():
            vocab.df[tid] = stored.get(term, 0) + added[tid]
    vocab.release_strings()
    vecs = vectors(docs, vocab, n_docs)
    full = ShingleCache([a.body for a in arts])

    def overlap(i: int, j: int, threshold: float) -> bool:
        estimate = estimated_containment(docs[i].sample, docs[j].sample)
        if estimate is not None and estimate < threshold - SAMPLE_MARGIN:
            return False
        return containment(full[i], full[j]) >= threshold

    rule = PairRule(docs, vecs, vocab.df_table(), df_cap(n_docs), vocab.date_ids, overlap)
    near = sketch_pairs(docs)
    uf = UnionFind(len(arts))
    first_of: dict[str, int] = {}
    for i, a in enumerate(arts):  # existing stories stay whole
        if a.id not in new_ids and a.story is not None:
            uf.union(first_of.setdefault(a.story, i), i)
    fresh_set = set(fresh)
    dicts = [v.as_dict() for v in vecs]
    checks: list[tuple[int, int]] = []
    missed: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    linked: list[tuple[int, int]] = []
    for x in fresh:
        for j in range(len(arts)):
            if j == x or (j in fresh_set and j < x):  # two new articles: decided once
                continue
            i, k = (x, j) if x < j else (j, x)
            join, check = rule.decide(i, k, dicts[i], (i, k) in near)
            if check:
                checks.append((i, k))
            if join:
                linked.append((i, k))
            if join == STRONG:
                uf.union(i, k)
            elif join:
                weak.append((i, k))
            else:
                missed.append((i, k))
    join_weak(uf, weak, len(arts))
    # a new article still alone is placed against whole stories, as the full pass does;
    # indexed articles stay where the full pass put them
    attach_loners(uf, docs, vecs, missed, rule.dfs, rule.cap,
                  fixed=frozenset(i for i in range(len(arts)) if i not in fresh_set))
    copy_of = _copies(arts, checks, overlap)
    position = {a.id: i for i, a in enumerate(arts)}
    joins: list[Join] = []
    for members in uf.groups(range(len(arts))):
        if fresh_set.isdisjoint(members):
            continue
        members = _one_story(members, arts, fresh_set, linked)
        join = Join(
            new=[arts[i].id for i in sorted(members) if i in fresh_set],
            stories=sorted({arts[i].story for i in members if i not in fresh_set and arts[i].story}),
        )
        for i in sorted(members):
            a = arts[i]
            found = copy_of[a.id]
            if i in fresh_set:
                join.copy_of[a.id] = found
            elif found in new_ids and (a.copy_of is None or (
                a.copy_of in position and position[found] < position[a.copy_of]
            )):
                join.copy_of[a.id] = found  # a new article predates this copy's original
        joins.append(join)
    return Placement(joins, term_delta)


def _one_story(
    members: list[int], arts: Sequence[Article], fresh: set[int], linked: list[tuple[int, int]],
) -> list[int]:
    """The members of a group of new articles that join one existing story at most.

    New articles linked to two existing stories would merge them. A full regroup merges two
    stories only when many of their own pairs say so (``support``); here the two are seen
    only through the articles just added, and the first report of an event to arrive,
    placed before the rest of its story existed, can sit in another story of the same week
    (a brief on one prize, placed with the other prize's story). So the group joins the
    story its new articles are best linked to (links per member loaded), and the other
    stories stay as they are until ``wiredesk regroup``.
    """
    stories = {arts[i].story for i in members if i not in fresh and arts[i].story}
    if len(stories) < 2:
        return members
    inside = set(members)
    size: Counter[str] = Counter(arts[i].story for i in members if i not in fresh and arts[i].story)
    links: Counter[str] = Counter()
    for i, k in linked:
        if i in inside and k in inside and (i in fresh) != (k in fresh):
            old = k if i in fresh else i
            if arts[old].story:
                links[arts[old].story] += 1
    best = max(sorted(stories), key=lambda st: links[st] / size[st])
    return [i for i in members if i in fresh or arts[i].story in (None, best)]
