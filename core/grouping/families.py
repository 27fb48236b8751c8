"""Copy families: near-identical texts counted as one text while grouping.

A wire story reprinted by 8, 60 or 600 sites is one text, not 600 independent reports of
its words. Counted one by one, the copies made every word of that story look common:
its names lost their weight (the other outlets' articles of the event no longer scored
with the copies' original, and the story split), and past the blocking caps (``df_cap``,
``SKETCH_CAP``, ``MAX_PARTNERS``) nothing proposed a partner at all, so the flood formed no
story and no reprint was found. Grouping therefore first gathers each original with its
near-identical copies (a *family*, found from the shared smallest shingle hashes and
confirmed on the full shingle sets), counts a family once in every document frequency, and
lets only its original take part in blocking and scoring; the copies join their original's
story and are checked as its reprints. A folder without copies is grouped exactly as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .clusters import SKETCH_CAP
from .features import DocFeatures
from .reprints import NEAR_DUPLICATE

SHARED_SKETCH = 2
"""Smallest sampled hashes a copy must share with its original to be checked (as in
``clusters.sketch_pairs``)."""
CHECKS_PER_DOC = 3
"""Originals an article is checked against, the ones sharing most hashes first: bounds the
work when a stock phrase puts many originals on one hash."""


def copy_families(docs: Sequence[DocFeatures], overlap: Callable[[int, int, float], bool]) -> list[int]:
    """For each article (in original-first order), the index of its family's original:
    itself, or the earliest earlier article it near-duplicates (``NEAR_DUPLICATE``).

    Each article is compared with originals only, never with copies, so a family never
    drifts through a chain of small edits. A hash held by more than ``SKETCH_CAP``
    originals (different texts) is boilerplate and proposes nothing; one held by 600
    copies of one original is held by one original and still proposes it.
    """
    original = list(range(len(docs)))
    holders: dict[int, list[int]] = {}
    for i, doc in enumerate(docs):
        sketch = doc.sketch
        shared: Counter[int] = Counter()
        for h in sketch:
            found = holders.get(h)
            if found is not None and len(found) <= SKETCH_CAP:
                shared.update(found)
        for r, count in shared.most_common(CHECKS_PER_DOC):
            if count >= SHARED_SKETCH and overlap(r, i, NEAR_DUPLICATE):
                original[i] = r
                break
        else:
            for h in sketch:
                holders.setdefault(h, []).append(i)
    return original


def count_families_once(docs: Sequence[DocFeatures], original: Sequence[int], df: Counter[int]) -> None:
    """Lower ``df`` so that each family counts once for every term any of its members holds."""
    members: dict[int, list[int]] = {}
    for i, r in enumerate(original):
        if r != i:
            members.setdefault(r, []).append(i)
    for r, copies in members.items():
        held: Counter[int] = Counter(docs[r].terms)
        for m in copies:
            held.update(docs[m].terms)
        for tid, count in held.items():
            df[tid] -= count - 1
