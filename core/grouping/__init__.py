"""Story grouping and reprint detection.

``group_articles`` turns a set of indexed articles into stories (articles about one event)
and reprint links (which article copies which). It works from signals that survive
rewording across outlets — rare shared names and terms weighted by how few articles hold
them, loosely resolved dates, headline words — and scales sub-quadratically: candidates
come from an inverted index on rare terms, only candidate pairs are scored, and stories
are the connected components of pairs scoring above a threshold.

The result does not depend on the order of the input.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Article, Story
from .clusters import UnionFind, candidate_pairs, df_cap, score, time_factor
from .families import copy_families, count_families_once
from .features import DocFeatures, Made, TermFeatures, Vector, Vocabulary, extract, vectors
from .labels import story_id, story_label
from .loners import attach_loners
from .reprints import (
    COPY_CONTAINMENT,
    NEAR_DUPLICATE,
    Passage,
    ShingleCache,
    containment,
    estimated_containment,
    shared_passages,
)
from .support import join_weak

__all__ = ["STORY_THRESHOLD", "Grouping", "Passage", "group_articles", "shared_passages"]

STORY_THRESHOLD = 0.25
"""Pair score (cosine of TF-IDF vectors, faded by publication gap) that joins two articles."""
MIN_SHARED_NAMES = 2
"""Below ``STRONG_SCORE`` two articles must also share this many names: one shared name
(a minister, a city) in two short articles is how unrelated stories get glued together."""
STRONG_SCORE = 0.3
"""A score this high joins two articles on wording alone (texts with few or no names)."""
LOOSE_THRESHOLD = 0.15
"""A lower pair score that still joins two full articles when ``LOOSE_NAMES`` names and the
rare words of what happened back it (the test briefs pass): real outlets covering one event
often score 0.15-0.25, each wrapping the shared facts in its own background, quotes and site
junk, while naming the same people and places and telling the same event. The same governor
in a budget story shares her names but not what happened."""
LOOSE_NAMES = 3
MANY_NAMES = 6
"""Rare names (held by few articles, see ``df_cap``) two full articles must share to join at
``LOOSE_THRESHOLD`` on names alone: outlets reporting one event from different angles (one
leads on the toll and the governor, another on the firefighters and the mayor) share the
places and people of the event while their top terms share few plain words; two events in
one place share two or three names, and a war's capitals and leaders, in every article of
a large index, are not rare."""
SHORT_TERMS = 32
"""An article with at most this many scored terms is a brief (a wire item of one to three
sentences). Cosine between briefs stays low even when they report one event: each holds a
few terms of its own (an outlet's words, site junk) beside the handful they share."""
SHORT_THRESHOLD = 0.12
"""Pair score that joins a brief to another article when ``SHORT_SHARED`` rare terms back it."""
SHORT_SHARED = 4
"""Rare terms (held by few articles) a brief must share with its partner, a name or a
resolved date among them, to join below ``STORY_THRESHOLD``. Briefs of different events
share one or two terms (a place, a weekday, "killed"); briefs of one event share the
place or person and most of what happened to it (warehouse, fire, workers)."""
SHORT_CONTENT = 3
"""Of those, how many must be plain words, neither names nor dates: the same governor on the
same day in a budget story shares her name, her province and the date, but not what happened."""
SAMPLE_MARGIN = 0.15
"""How far below a containment threshold a sampled estimate must fall to skip the exact check."""
COPY_CHECK = 0.3
"""Pairs scoring below this share too little vocabulary to be copies; not shingled."""
STRONG, WEAK = 2, 1
"""How ``PairRule.decide`` joins a pair: on its own, or as a weak link (``support``)."""


@dataclass
class Grouping:
    """Stories over a set of articles, and which article copies which (reprints)."""

    stories: list[Story]
    copy_of: dict[str, str | None] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    term_dfs: array = field(default_factory=lambda: array("i"))
    """How many articles hold each of ``terms`` (parallel arrays, compact: tens of thousands
    of terms): stored, so the incremental pass (``grouping.incremental``) weighs terms
    exactly as this full pass did."""

    def term_df(self) -> Iterable[tuple[str, int]]:
        return zip(self.terms, self.term_dfs, strict=True)


def _order_key(article: Article) -> tuple[str, str]:
    """Earliest published first, undated last, ties by id: who counts as the original."""
    return (article.published_at or article.published or "\uffff", article.id)


def group_articles(
    articles: Sequence[Article], stored: Mapping[str, TermFeatures] | Callable[[Article], TermFeatures | None]
    | None = None, made: Made | None = None,
) -> Grouping:
    """Group articles into stories and link reprints to the article they copy.

    ``copy_of`` maps every article id to the id of the earlier article (tie: smaller id)
    whose text it mostly reproduces, or to None. ``stored`` gives articles' features as
    computed when they were indexed (by id, or a function of the article returning None
    when it has none): they are then not extracted from the text again. The result is the
    same either way. ``made(article, features)`` is told the features of each article that
    were extracted from its text (so the caller can store them).
    """
    arts = sorted(articles, key=_order_key)
    if not arts:
        return Grouping([])
    # The work allocates millions of small objects and no reference cycles; the cyclic
    # collector would rescan them again and again (a fifth of the time on 10,000 articles).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _group(arts, stored, made)
    finally:
        if collecting:
            gc.enable()


def stored_lookup(
    stored: Mapping[str, TermFeatures] | Callable[[Article], TermFeatures | None] | None,
) -> Callable[[Article], TermFeatures | None]:
    """``stored`` (see ``group_articles``) as a function of the article."""
    if stored is None:
        return lambda _a: None
    if callable(stored):
        return stored
    mapping = stored
    return lambda a: mapping.get(a.id)


def _group(
    arts: list[Article], stored: Mapping[str, TermFeatures] | Callable[[Article], TermFeatures | None] | None,
    made: Made | None,
) -> Grouping:
    vocab = Vocabulary()
    lookup = stored_lookup(stored)
    docs = [extract(a, vocab, lookup(a), made) for a in arts]
    full = ShingleCache([a.body for a in arts])

    def overlap(i: int, j: int, threshold: float) -> bool:
        """Whether one text lies at least ``threshold`` inside the other.

        The shingle samples settle clear cases; close calls and short texts are decided
        on the full shingle sets, so sampling noise never makes or breaks a reprint.
        """
        estimate = estimated_containment(docs[i].sample, docs[j].sample)
        if estimate is not None and estimate < threshold - SAMPLE_MARGIN:
            return False
        if len(full.sets) > 256:  # bounded: a few MB of shingle sets at most
            full.clear()
        return containment(full[i], full[j]) >= threshold

    # A flood of copies of one text counts as that one text (see ``families``).
    original = copy_families(docs, overlap)
    count_families_once(docs, original, vocab.df)
    full.clear()  # the shingle sets of the checks above: not held while vectors are built
    originals = [i for i, r in enumerate(original) if r == i]
    terms = list(vocab.ids)
    term_dfs = array("i", (vocab.df[tid] for tid in vocab.ids.values()))
    vocab.release_strings()
    vecs = vectors(docs, vocab, len(originals))
    uf = UnionFind(len(arts))
    if len(originals) == len(docs):
        pairs, near = candidate_pairs(docs, vocab)
    else:
        sub_pairs, sub_near = candidate_pairs([docs[i] for i in originals], vocab)
        pairs = {(originals[a], originals[b]) for a, b in sub_pairs}
        near = {(originals[a], originals[b]) for a, b in sub_near}
    rule = PairRule(docs, vecs, vocab.df_table(), df_cap(len(originals)), vocab.date_ids, overlap)
    copy_checks: list[tuple[int, int]] = []
    missed: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    for doc in docs:  # blocking is done: only names, dates and samples are needed from here
        doc.terms, doc.weights = array("i"), array("f")
    current, current_vec = -1, {}
    for i, j in sorted(pairs | near):
        if i != current:
            current, current_vec = i, vecs[i].as_dict()
        join, check = rule.decide(i, j, current_vec, (i, j) in near)
        if check:
            copy_checks.append((i, j))
        if join == STRONG:
            uf.union(i, j)
        elif join:
            weak.append((i, j))
        else:
            missed.append((i, j))
    copy_checks.extend(_family_checks(original, copy_checks))
    for i, r in enumerate(original):
        if r != i:
            uf.union(r, i)
    join_weak(uf, weak, len(arts), copies={i for i, r in enumerate(original) if r != i})
    attach_loners(uf, docs, vecs, missed, rule.dfs, rule.cap)
    copy_of = _copies(arts, copy_checks, overlap)
    stories = []
    for members in sorted(uf.groups(range(len(arts))), key=min):
        group = [arts[i] for i in sorted(members)]
        ids = [a.id for a in group]
        stories.append(Story(story_id(ids), story_label(group), ids))
    return Grouping(stories, copy_of, terms, term_dfs)


@dataclass
class PairRule:
    """The decision whether two articles are one story, and whether to check them for a copy.

    Shared by the full pass (``group_articles``) and the incremental one
    (``grouping.incremental``), so a new article is judged exactly as a full regroup would.
    ``overlap(i, j, threshold)`` says whether one text lies that far inside the other.
    """

    docs: Sequence[DocFeatures]
    vecs: Sequence[Vector]
    dfs: list[int]
    cap: int
    date_ids: set[int]
    overlap: Callable[[int, int, float], bool]

    def decide(self, i: int, j: int, vec_i: dict[int, float], near: bool) -> tuple[int, bool]:
        """``(join, copy_check)`` for the pair; ``vec_i`` is ``vecs[i].as_dict()``, ``near``
        whether the pair shares near-duplicate sketch values. ``join`` is ``STRONG``,
        ``WEAK`` (a modest score backed by names: see ``support``) or 0."""
        docs, vecs = self.docs, self.vecs
        s = score(vec_i, vecs[j])
        check = s >= COPY_CHECK or near
        faded = s * time_factor(docs[i].published, docs[j].published)
        if faded >= STRONG_SCORE:
            return STRONG, check
        # the names both hold, computed once and only for pairs a name rule can still join
        shared = set(docs[i].names).intersection(docs[j].names) if faded >= SHORT_THRESHOLD else set()
        # two articles of one story are always checked for a copy: a wire text reprinted with
        # a page of junk around it scores low, and whether it was checked must not hang on
        # the collection's term weights (an article placed alone and a full regroup differ)
        if faded >= STORY_THRESHOLD and _shares_names(shared, docs[i].names, docs[j].names):
            # between briefs a few shared words make this score: a link, not a story
            brief = min(vecs[i].terms, vecs[j].terms) <= SHORT_TERMS
            return (WEAK if brief else STRONG), True
        if faded >= LOOSE_THRESHOLD and (
            sum(1 for t in shared if self.dfs[t] <= self.cap) >= MANY_NAMES
            or (len(shared) >= LOOSE_NAMES
                and _briefs_agree(vec_i, vecs[j], shared, self.dfs, self.cap, self.date_ids))
        ):
            return WEAK, True
        if (
            faded >= SHORT_THRESHOLD
            and min(vecs[i].terms, vecs[j].terms) <= SHORT_TERMS
            and _briefs_agree(vec_i, vecs[j], shared, self.dfs, self.cap, self.date_ids)
        ):
            # a brief is cheap to shingle, and wire briefs get reprinted
            return WEAK, True
        if check and self.overlap(i, j, NEAR_DUPLICATE):
            # Near-identical texts are one story whatever their dates or headlines say.
            return STRONG, check
        return 0, check


def _family_checks(original: Sequence[int], checks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reprint checks for the copies of each family: against their original, and against
    every earlier article their original was checked against (a copy of a copy reprints
    the first original, as it would have been found without families)."""
    members: dict[int, list[int]] = {}
    for i, r in enumerate(original):
        if r != i:
            members.setdefault(r, []).append(i)
    if not members:
        return []
    out = [(r, m) for r, ms in members.items() for m in ms]
    for i, j in checks:
        for m in members.get(j, ()):
            out.append((i, m))
        for m in members.get(i, ()):
            out.append((j, m) if j < m else (m, j))
    return out


def _shares_names(shared: set[int], a: array, b: array) -> bool:
    """At least ``MIN_SHARED_NAMES`` shared names, or all of them for an article naming fewer."""
    need = max(1, min(MIN_SHARED_NAMES, len(a), len(b)))
    return len(shared) >= need


def _briefs_agree(
    va: dict[int, float], vb: Vector, names: set[int], dfs: list[int], cap: int, date_ids: set[int],
) -> bool:
    """Whether two articles, one of them a brief, share ``SHORT_SHARED`` rare terms: a name
    or a date, and ``SHORT_CONTENT`` plain words. Enough to be one event when the texts are
    too short for a high score. Terms held by many articles ("police", "killed" in a big index) do not count.
    """
    shared = [t for t in vb.ids if t in va and dfs[t] <= cap]
    if len(shared) < SHORT_SHARED:
        return False
    anchors = sum(1 for t in shared if t in names or t in date_ids)
    return anchors > 0 and len(shared) - anchors >= SHORT_CONTENT


def _copies(
    arts: list[Article], pairs: list[tuple[int, int]], overlap: Callable[[int, int, float], bool]
) -> dict[str, str | None]:
    """For each article, the earliest article whose text it mostly reproduces.

    ``arts`` is in original-first order, so in a pair ``(i, j)`` with ``i < j`` the copy is
    ``j``, and visiting pairs by ``(j, i)`` finds each copy's earliest original first.
    """
    copy_of: dict[str, str | None] = {a.id: None for a in arts}
    for i, j in sorted(pairs, key=lambda p: (p[1], p[0])):
        if copy_of[arts[j].id] is None and overlap(i, j, COPY_CONTAINMENT):
            copy_of[arts[j].id] = arts[i].id
    return copy_of
