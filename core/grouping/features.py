"""Per-article features for grouping, kept compact so 10,000 articles fit in little memory.

Each article becomes a bag of weighted terms (content words, names, resolved dates, title
words) stored as parallel arrays of term ids and weights, plus a fixed-value sample of its
word-shingle hashes: reprint detection compares samples, and the smallest few values block
near-duplicates together even when every word they share is common.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Article
from .text import (
    TokenCache,
    fold,
    folded_shingle_words,
    name_skeleton,
    parse_iso_date,
    resolve_dates,
    sampled_shingles,
    term_counts,
)

NAME_BOOST = 2.0
"""Names (always-capitalized terms) say which event an article is about far better than
common words: the same people, places and groups recur across outlets however they word it."""
TITLE_BOOST = 1.0
"""Extra weight for a term that also appears in the headline."""
DATE_WEIGHT = 1.5
SKETCH_SIZE = 4
"""How many smallest sampled shingle hashes block an article for near-duplicates."""
PRIOR_DOCS = 40
"""Pseudo-articles that lack every term, added when computing IDF; see ``Vocabulary.idf_table``."""
VECTOR_SIZE = 64
"""Terms kept per article for scoring: the heaviest ones carry nearly all the similarity."""


class Vocabulary:
    """Term strings to small integer ids, and how many articles hold each term."""

    ids: dict[str, int]
    df: Counter[int]
    tokens: TokenCache
    skeletons: dict[str, str | None]
    date_ids: set[int]
    """Ids of resolved-date terms: a shared date anchors two short articles to one event."""

    def __init__(self) -> None:
        self.ids = {}
        self.df = Counter()
        self.tokens = {}
        self.skeletons = {}
        self.date_ids = set()

    def id(self, term: str) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.ids)
        return found

    def release_strings(self) -> None:
        """Drop the term strings once every article is extracted: only ids are used after,
        and on 10,000 articles the strings are tens of MB."""
        self.ids = {}
        self.tokens = {}
        self.skeletons = {}

    def idf_table(self, n_docs: int) -> list[float]:
        """Smoothed inverse document frequency of every term id, as a list indexed by id.

        ``log(1 + (N + PRIOR_DOCS) / df)``: as if ``PRIOR_DOCS`` more articles that lack the
        term had been seen. A small folder says little about how rare a word is: in a folder
        holding one story every article shares its names, and a plain IDF would zero exactly
        the terms that make it one story. The prior keeps them weighty there and fades away
        in a big index.
        """
        size = max(self.df, default=-1) + 1
        df = self.df
        scale = n_docs + PRIOR_DOCS
        return [math.log(1.0 + scale / max(1, df[t])) for t in range(size)]

    def df_table(self) -> list[int]:
        """Document frequency of every term id, as a list indexed by id."""
        size = max(self.df, default=-1) + 1
        return [self.df[t] for t in range(size)]


@dataclass
class DocFeatures:
    """One article's grouping features."""

    terms: array
    """Term ids."""
    weights: array
    """Pre-IDF weight of each term (sublinear tf times name/title/date boosts)."""
    names: array
    """Ids of the names' skeletons (or of the names, when too short for one), so spelling
    variants count as one shared name (an array: a set per article costs 20x more)."""
    published: date | None
    sample: array
    """Sorted sampled shingle hashes (see ``text.sampled_shingles``)."""

    @property
    def sketch(self) -> array:
        return self.sample[:SKETCH_SIZE]


_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]
"""Sublinear term frequency, precomputed for the counts nearly every term has."""


def extract(article: Article, vocab: Vocabulary) -> DocFeatures:
    """Features of one article; updates the vocabulary's document frequencies."""
    published = parse_iso_date(article.published_at or article.published)
    title = article.title or ""
    folded_body = fold(article.body)
    folded = f"{fold(title)}\n{folded_body}" if title else folded_body
    counts, names = term_counts(folded, vocab.tokens)
    title_terms = set(term_counts(fold(title), vocab.tokens)[0]) if title else set()
    title_terms |= {"~" + sk for sk in map(name_skeleton, title_terms & names) if sk}  # few: no memo
    weights: dict[int, float] = {}
    name_ids: list[int] = []
    ids = vocab.ids
    skeletons = vocab.skeletons
    for term, n in counts.items():
        w = _TF[n] if n < len(_TF) else 1.0 + math.log(n)
        if term in names:
            # A name is represented by its spelling-tolerant skeleton when it has one, so
            # "al-Fadhli" in one outlet and "al-Fadli" in another are the same term.
            w *= NAME_BOOST
            skeleton = skeletons.get(term, False)
            if skeleton is False:
                skeleton = skeletons[term] = name_skeleton(term)
            if skeleton is not None:
                term = "~" + skeleton
            tid = ids.get(term)
            if tid is None:
                tid = ids[term] = len(ids)
            if term in title_terms:
                w += TITLE_BOOST
            name_ids.append(tid)
            if w > weights.get(tid, 0.0):  # two spellings of one name: keep the heavier
                weights[tid] = w
            continue
        tid = ids.get(term)
        if tid is None:
            tid = ids[term] = len(ids)
        weights[tid] = w + TITLE_BOOST if term in title_terms else w
    for key in resolve_dates(folded, published):
        tid = vocab.id(key)
        weights[tid] = DATE_WEIGHT
        vocab.date_ids.add(tid)
    vocab.df.update(weights.keys())
    return DocFeatures(
        terms=array("i", weights.keys()),
        weights=array("f", weights.values()),
        names=array("i", set(name_ids)),
        published=published,
        sample=array("q", sampled_shingles(folded_shingle_words(folded_body))),
    )


@dataclass(frozen=True)
class Vector:
    """A unit-length sparse vector as two compact arrays (a dict per article costs ~10x)."""

    ids: array
    weights: array

    def as_dict(self) -> dict[int, float]:
        return dict(zip(self.ids, self.weights, strict=True))


def vectors(docs: Sequence[DocFeatures], vocab: Vocabulary, n_docs: int | None = None) -> list[Vector]:
    """Unit-length TF-IDF vectors holding each article's ``VECTOR_SIZE`` heaviest terms.

    ``n_docs`` is the size of the corpus the document frequencies describe, when that is
    more than ``docs`` (the incremental pass scores a neighbourhood with the index's counts).
    """
    n = len(docs) if n_docs is None else n_docs
    idfs = vocab.idf_table(n)
    out: list[Vector] = []
    for doc in docs:
        scored = [(w * idfs[tid], tid) for tid, w in zip(doc.terms, doc.weights, strict=True)]
        top = heapq.nlargest(VECTOR_SIZE, scored) if len(scored) > VECTOR_SIZE else scored
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        out.append(Vector(array("i", [t for _, t in top]), array("d", [w / norm for w, _ in top])))
    return out
