"""Reprints: which article reproduces another's text, and which passages two articles share.

Support for a fact must count independent reports, so a wire story republished under a
new headline (often with the site's own junk appended) has to be recognized as a copy.
Comparison is over sets of hashed 5-word shingles with quotations left out: outlets quote
the same statement word for word without copying each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .text import SHINGLE, fold, shingle_words, shingles

COPY_CONTAINMENT = 0.5
"""Share of the shorter text's shingles found in the other: above this, one is a copy."""
NEAR_DUPLICATE = 0.8
"""Above this the two are near-identical and always belong to the same story."""
MIN_SHINGLES = 8
"""Texts shorter than this (a headline, a caption) are too short to call copies."""


def containment(a: set[int], b: set[int]) -> float:
    """``|a ∩ b|`` over the size of the smaller set: 1.0 when one text lies inside the other."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < MIN_SHINGLES and len(small) != len(large):
        return 0.0
    if not small:
        return 0.0
    return len(small & large) / len(small)


MIN_SAMPLE = 8
"""Below this many sampled hashes a sample is too noisy; the full shingle sets are used."""


def estimated_containment(a: Sequence[int], b: Sequence[int]) -> float | None:
    """``containment`` estimated from two shingle samples, or None when they are too small."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < MIN_SAMPLE:
        return None
    return len(set(small).intersection(large)) / len(small)


class ShingleCache:
    """Shingle sets computed on demand, so only articles that need comparing pay for it."""

    def __init__(self, bodies: list[str]) -> None:
        self.bodies = bodies
        self.sets: dict[int, set[int]] = {}

    def __getitem__(self, i: int) -> set[int]:
        found = self.sets.get(i)
        if found is None:
            found = self.sets[i] = shingles(shingle_words(self.bodies[i]))
        return found

    def clear(self) -> None:
        self.sets.clear()


@dataclass(frozen=True)
class Passage:
    """A run of words two texts share: ``a[a_start:a_end]`` reads like ``b[b_start:b_end]``.

    Offsets are character offsets into the two bodies as given.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int


def shared_passages(a: str, b: str, min_words: int = 12) -> list[Passage]:
    """Passages of at least ``min_words`` words that appear in both texts, in ``a``'s order.

    Matching is on folded lowercase words, so punctuation, accents and spacing differences
    do not break a passage. Linear in the two lengths.
    """
    import re

    word = re.compile(r"\w+")
    spans_a = [(m.start(), m.end(), fold(m.group()).lower()) for m in word.finditer(a)]
    spans_b = [(m.start(), m.end(), fold(m.group()).lower()) for m in word.finditer(b)]
    k = SHINGLE
    if len(spans_a) < k or len(spans_b) < k:
        return []
    where_b: dict[tuple[str, ...], int] = {}
    for j in range(len(spans_b) - k + 1):
        where_b.setdefault(tuple(w for _, _, w in spans_b[j : j + k]), j)
    out: list[Passage] = []
    i = 0
    while i <= len(spans_a) - k:
        j = where_b.get(tuple(w for _, _, w in spans_a[i : i + k]))
        if j is None:
            i += 1
            continue
        n = k
        while i + n < len(spans_a) and j + n < len(spans_b) and spans_a[i + n][2] == spans_b[j + n][2]:
            n += 1
        if n >= min_words:
            out.append(Passage(spans_a[i][0], spans_a[i + n - 1][1], spans_b[j][0], spans_b[j + n - 1][1], n))
        i += n
    return out
