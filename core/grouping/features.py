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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Article, ParsedArticle
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
"""Terms kept per article for scoring (of those another article holds): the heaviest ones
carry nearly all the similarity."""


class _Ids(dict[str, int]):
    """Term -> id; looking up a missing term gives it the next id (``ids[term]``), so a
    whole article's terms map to ids in one C-level ``map`` call."""

    def __missing__(self, term: str) -> int:
        tid = self[term] = len(self)
        return tid


class Vocabulary:
    """Term strings to small integer ids, and how many articles hold each term."""

    ids: dict[str, int]
    df: Counter[int]
    tokens: TokenCache
    skeletons: dict[str, str | None]
    date_ids: set[int]
    """Ids of resolved-date terms: a shared date anchors two short articles to one event."""

    def __init__(self) -> None:
        self.ids = _Ids()
        self.df = Counter()
        self.tokens = TokenCache()
        self.skeletons = {}
        self.word_hashes: dict[str, int] = {}
        self.date_ids = set()

    def id(self, term: str) -> int:
        return self.ids[term]

    def release_strings(self) -> None:
        """Drop the term strings once every article is extracted: only ids are used after,
        and on 10,000 articles the strings are tens of MB."""
        self.ids = _Ids()
        self.tokens = TokenCache()
        self.skeletons = {}
        self.word_hashes = {}

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

PLAIN, NAME, DATE = 0, 1, 2
"""Kinds of a term in ``TermFeatures.kinds``."""
FEATURES_VERSION = 1
"""Stored features made by another version of this code are recomputed, not trusted: bump
it whenever anything ``article_features`` computes changes."""


@dataclass
class TermFeatures:
    """What grouping reads from one article's text, before any corpus statistics: its
    weighted terms in first-seen order, each term's kind, and its shingle sample.

    Depends on the article alone (title, body, publication date), so it is computed once,
    when the article is indexed, and stored with it (``encode``/``decode``); a regroup then
    only turns terms into ids. ``intern`` gives exactly what extracting from the text
    would (``extract`` is ``intern`` of ``article_features``).
    """

    terms: list[str]
    weights: array
    """Float32 pre-IDF weights, parallel to ``terms``."""
    kinds: bytes
    """``PLAIN``, ``NAME`` or ``DATE`` per term."""
    sample: array
    """Sorted sampled shingle hashes (int64, stable across processes)."""

    def encode(self) -> tuple[int, str, bytes, bytes, bytes]:
        """``(version, terms, kinds, weights, sample)`` for the index."""
        return FEATURES_VERSION, "\n".join(self.terms), self.kinds, self.weights.tobytes(), self.sample.tobytes()

    @staticmethod
    def decode(version: int, terms: str, kinds: bytes, weights: bytes, sample: bytes) -> TermFeatures | None:
        """The features stored by ``encode``, or None when they are from another version or
        do not hang together (then the caller extracts them from the text again)."""
        if version != FEATURES_VERSION or len(weights) % 4 or len(sample) % 8:
            return None
        words = terms.split("\n") if terms else []
        w, h = array("f"), array("q")
        w.frombytes(weights)
        h.frombytes(sample)
        if len(words) != len(kinds) or len(words) != len(w):
            return None
        return TermFeatures(words, w, bytes(kinds), h)


class TextMemo:
    """Per-token and per-name results that repeat from article to article (news vocabulary
    repeats), kept across articles by one extracting thread; bounded."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.tokens = TokenCache()
        self.skeletons: dict[str, str | None] = {}
        self.word_hashes: dict[str, int] = {}

    def trim(self) -> None:
        if len(self.tokens) > self.LIMIT:
            self.tokens = TokenCache()
        if len(self.skeletons) > self.LIMIT:
            self.skeletons = {}
        if len(self.word_hashes) > self.LIMIT:
            self.word_hashes = {}


def article_features(
    title: str | None, body: str, published: date | None, memo: TextMemo | Vocabulary | None = None
) -> TermFeatures:
    """The article-only part of grouping's features (see ``TermFeatures``)."""
    if memo is None:
        memo = TextMemo()
    title = title or ""
    folded_body = fold(body)
    folded = f"{fold(title)}\n{folded_body}" if title else folded_body
    counts, names = term_counts(folded, memo.tokens)
    title_terms = set(term_counts(fold(title), memo.tokens)[0]) if title else set()
    title_terms |= {"~" + sk for sk in map(name_skeleton, title_terms & names) if sk}  # few: no memo
    weights: dict[str, float] = {}
    kinds = bytearray()
    skeletons = memo.skeletons
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
            if term in title_terms:
                w += TITLE_BOOST
            old = weights.get(term)
            if old is None:
                weights[term] = w
                kinds.append(NAME)
            elif w > old:  # two spellings of one name: keep the heavier
                weights[term] = w
            continue
        weights[term] = w + TITLE_BOOST if term in title_terms else w
        kinds.append(PLAIN)
    for key in sorted(resolve_dates(folded, published)):
        weights[key] = DATE_WEIGHT
        kinds.append(DATE)
    return TermFeatures(
        terms=list(weights),
        weights=array("f", weights.values()),
        kinds=bytes(kinds),
        sample=array("q", sampled_shingles(folded_shingle_words(folded_body), memo.word_hashes)),
    )


def intern(features: TermFeatures, published: date | None, vocab: Vocabulary) -> DocFeatures:
    """An article's ``DocFeatures`` from its ``TermFeatures``; updates the vocabulary's ids
    (new terms get the next ids, in the article's order) and document frequencies."""
    tids = list(map(vocab.ids.__getitem__, features.terms))
    kinds = features.kinds
    names = array("i", {tid for tid, kind in zip(tids, kinds, strict=True) if kind == NAME})
    if DATE in kinds:
        vocab.date_ids.update(tid for tid, kind in zip(tids, kinds, strict=True) if kind == DATE)
    vocab.df.update(tids)
    return DocFeatures(terms=array("i", tids), weights=features.weights, names=names, published=published,
                       sample=features.sample)


def published_date(article: Article | ParsedArticle) -> date | None:
    return parse_iso_date(article.published_at or article.published)


class FeatureMaker:
    """``article_features`` of parsed or indexed articles, with a memo kept across the
    articles one thread extracts."""

    def __init__(self) -> None:
        self.memo = TextMemo()

    def __call__(self, article: Article | ParsedArticle) -> TermFeatures:
        self.memo.trim()
        return article_features(article.title, article.body, published_date(article), self.memo)


Made = Callable[[Article, TermFeatures], None]
"""Told each article's features extracted from its text (``Index.feature_sink`` keeps them)."""


def extract(
    article: Article, vocab: Vocabulary, stored: TermFeatures | None = None, made: Made | None = None
) -> DocFeatures:
    """Features of one article (from ``stored`` when given, else from its text, then
    handed to ``made``); updates the vocabulary's document frequencies."""
    published = published_date(article)
    if stored is None:
        stored = article_features(article.title, article.body, published, vocab)
        if made is not None:
            made(article, stored)
    return intern(stored, published, vocab)


@dataclass(frozen=True)
class Vector:
    """An article's scoring vector as two compact arrays (a dict per article costs ~10x); see
    ``vectors``."""

    ids: array
    weights: array
    terms: int = 0
    """How many terms the article has (up to ``VECTOR_SIZE``): a brief has few, however
    many of them another article shares."""

    def as_dict(self) -> dict[int, float]:
        return dict(zip(self.ids, self.weights, strict=True))


def vectors(docs: Sequence[DocFeatures], vocab: Vocabulary, n_docs: int | None = None) -> list[Vector]:
    """TF-IDF vectors holding each article's ``VECTOR_SIZE`` heaviest terms that another
    article also holds, scaled by the length of the whole vector.

    A term no other article holds can never add to a score, yet it weighs most (the
    rarest terms have the highest IDF): kept, a local report's own villages, officials and
    site junk filled its vector and pushed out the words it shares with the other reports
    (toll, quake, district, aftershocks), and the report split from its story. Dividing by
    the whole vector's length keeps each score the cosine of the full vectors.

    ``n_docs`` is the size of the corpus the document frequencies describe, when that is
    more than ``docs`` (the incremental pass scores a neighbourhood with the index's counts).
    """
    n = len(docs) if n_docs is None else n_docs
    idfs = vocab.idf_table(n)
    dfs = vocab.df
    out: list[Vector] = []
    for doc in docs:
        scored = [(w * idfs[tid], tid) for tid, w in zip(doc.terms, doc.weights, strict=True)]
        norm = math.sqrt(sum(w * w for w, _ in scored)) or 1.0
        scored = [p for p in scored if dfs[p[1]] > 1]
        top = heapq.nlargest(VECTOR_SIZE, scored) if len(scored) > VECTOR_SIZE else scored
        out.append(Vector(array("i", [t for _, t in top]), array("d", [w / norm for w, _ in top]),
                          min(len(doc.terms), VECTOR_SIZE)))
    return out
