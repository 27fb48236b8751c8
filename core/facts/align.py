"""Line up observations across outlets into fact slots.

Observations are first bucketed (counts by counted-noun family, dates and times each in one
bucket), so the pairwise work stays inside small groups. Inside a bucket two observations
are scored by the words around them, weighted by how rare each word is in the story
(IDF): a town named in few sentences of a story about a storm tells far more than "strike".

Clusters grow greedily from the best pairs. Merging values that agree needs a moderate
score; merging values that conflict needs a higher one *and* values close enough to be one
thing seen differently (a factor of two for counts, three days for dates). That asymmetry is
deliberate: a false "agreed" costs little, a false "contested" misleads the reader, so a
doubtful alignment stays two separate facts.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from wiredesk.core.facts.compare import conflict, plausible_variant, value_key
from wiredesk.core.facts.observe import Obs, Sentence

AGREE_THRESHOLD = 0.22
"""Minimum context similarity to merge observations whose values are compatible."""
CONTEST_THRESHOLD = 0.30
"""Minimum context similarity to merge observations whose values conflict."""
HEAD_BONUS = 0.12
VALUE_BONUS = 0.08
"""Dates and times: bonus when both belong to the same kind of event."""


class Idf:
    """Inverse document frequency of canonical words over a story's sentences."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for s in sentences:
            n += 1
            df.update(set(s.words))
        self.n = max(n, 1)
        self.df = df

    def __call__(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 0.1


def similarity(a: Obs, b: Obs, idf: Idf) -> float:
    """Context similarity in 0..1: IDF-weighted overlap over the smaller side, damped by
    the larger side so a long sentence cannot match everything."""
    if not a.context or not b.context:
        return 0.0
    common = a.context & b.context
    shared = 0.0 if not common else sum(idf(w) for w in common)
    wa = sum(idf(w) for w in a.context)
    wb = sum(idf(w) for w in b.context)
    score = shared / math.sqrt(min(wa, wb) * max(wa, wb) ** 0.6 * min(wa, wb) ** 0.4)
    if a.kind in ("date", "time") and a.head == b.head:
        score += HEAD_BONUS
    score += _value_bonus(a, b)
    return min(score, 1.0)


def _value_bonus(a: Obs, b: Obs) -> float:
    """Close specific values are themselves a hint of one slot: two outlets citing 212 and
    230 of the same noun, or the same clock time, rarely mean two different things."""
    if a.kind == "time":
        return VALUE_BONUS * 2 if abs(a.lo - b.lo) <= 30 else 0.0
    if a.kind != "count" or "vague" in a.norm or "vague" in b.norm:
        return 0.0
    na, nb = float(a.norm["n"]), float(b.norm["n"])
    if min(na, nb) < 10:
        return 0.0
    return VALUE_BONUS if max(na, nb) / min(na, nb) <= 1.25 else 0.0


def _bucket_key(o: Obs) -> str:
    return f"count:{o.head}" if o.kind == "count" else o.kind


def cluster(observations: list[Obs], idf: Idf) -> list[list[Obs]]:
    """Group observations into fact slots (each slot a list of observations)."""
    buckets: dict[str, list[Obs]] = defaultdict(list)
    for o in observations:
        buckets[_bucket_key(o)].append(o)
    out: list[list[Obs]] = []
    for key in sorted(buckets):
        out.extend(_cluster_bucket(buckets[key], idf))
    return out


def _cluster_bucket(obs: list[Obs], idf: Idf) -> list[list[Obs]]:
    n = len(obs)
    sim: dict[tuple[int, int], float] = {}
    pairs: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            a, b = obs[i], obs[j]
            if a.sent is b.sent and (a.start, a.end) == (b.start, b.end):
                continue
            s = similarity(a, b, idf)
            sim[i, j] = s
            if s >= AGREE_THRESHOLD:
                pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    member: list[int] = list(range(n))
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _s, i, j in pairs:
        gi, gj = member[i], member[j]
        if gi == gj:
            continue
        if _can_merge(groups[gi], groups[gj], obs, sim):
            groups[gi].extend(groups[gj])
            for k in groups.pop(gj):
                member[k] = gi
    return [[obs[k] for k in sorted(g)] for g in groups.values()]


def _can_merge(ga: list[int], gb: list[int], obs: list[Obs], sim: dict[tuple[int, int], float]) -> bool:
    # one value per article: an article does not contradict itself within a slot
    values: dict[str, tuple] = {}
    for k in ga + gb:
        key = value_key(obs[k])
        if values.setdefault(obs[k].article, key) != key:
            return False
    scores = []
    conflicting = []
    for x in ga:
        for y in gb:
            s = sim.get((min(x, y), max(x, y)), 0.0)
            scores.append(s)
            a, b = obs[x], obs[y]
            if a.root != b.root and conflict(a, b):
                if not plausible_variant(a, b):
                    return False
                conflicting.append(s)
    if sum(scores) / len(scores) < AGREE_THRESHOLD:
        return False
    if not conflicting:
        return True
    return min(conflicting) >= AGREE_THRESHOLD and sum(conflicting) / len(conflicting) >= CONTEST_THRESHOLD
