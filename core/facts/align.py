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

from .compare import clocks, conflict, plausible_variant, value_key
from .lexicon import NEUTRAL_GROUP
from .observe import Obs, Sentence
from .quantities import WHOLE

AGREE_THRESHOLD = 0.22
"""Minimum context similarity to merge observations whose values are compatible."""
CONTEST_THRESHOLD = 0.30
"""Minimum context similarity to merge observations whose values conflict."""
HEAD_BONUS = 0.12
VALUE_BONUS = 0.08
CUMULATIVE_BONUS = 0.05
SAME_FIGURE_BONUS = 0.10
SAME_FIGURE_MIN = 20
"""The very same figure of the same counted noun, once bare and once with a bound ("60" /
"more than 60"), is itself strong evidence of one slot; small figures (3, 12) coincide
too often to count."""
SOLE_BONUS = 0.10
"""Both figures are the only figure of their counted noun in their article ("Two teachers
were freed" in one report, "Three teachers were taken" in another): outlets that count a
thing once are counting the same thing, even when the words around it differ."""
MAX_POSTING = 80
"""A word shared by more observations than this in one bucket proposes no pairs (too vague)."""
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
        self._cache: dict[str, float] = {}

    def __call__(self, word: str) -> float:
        w = self._cache.get(word)
        if w is None:
            w = self._cache[word] = math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 0.1
        return w

    def common(self, word: str) -> bool:
        """Words in over a third of the story's sentences: too common to propose a pairing."""
        return self.n >= 30 and self.df.get(word, 0) * 3 > self.n


def _weights(o: Obs, idf: Idf) -> tuple[dict[str, float], float]:
    cached = getattr(o, "_weights", None)
    if cached is None:
        wts = {w: idf(w) for w in o.context}
        cached = (wts, sum(wts.values()))
        object.__setattr__(o, "_weights", cached)
    return cached


def similarity(a: Obs, b: Obs, idf: Idf) -> float:
    """Context similarity in 0..1: IDF-weighted overlap over the smaller side, damped by
    the larger side so a long sentence cannot match everything."""
    if not a.context or not b.context:
        return 0.0
    return _scored(a, b, _weights(a, idf), _weights(b, idf))


def _scored(a: Obs, b: Obs, wa_pair: tuple[dict[str, float], float], wb_pair: tuple[dict[str, float], float]) -> float:
    """``similarity`` of two observations with context, given their weights (the clustering
    loop looks these up once per observation rather than once per pair)."""
    if a.anchor and b.anchor and not a.anchor & b.anchor:
        return 0.0  # "inflation rose 3%" and "unemployment at 3%" measure different things
    wa_map, wa = wa_pair
    wb_map, wb = wb_pair
    if len(wa_map) <= len(wb_map):
        shared = sum([w for k, w in wa_map.items() if k in wb_map])
    else:
        shared = sum([w for k, w in wb_map.items() if k in wa_map])
    lo, hi = (wa, wb) if wa <= wb else (wb, wa)
    score = shared / (lo ** 0.7 * hi ** 0.3)
    if a.kind in ("date", "time") and a.head == b.head:
        score += HEAD_BONUS
    score += _value_bonus(a, b)
    return min(score, 1.0)


def _value_bonus(a: Obs, b: Obs) -> float:
    """Close specific values are themselves a hint of one slot: two outlets citing 212 and
    230 of the same noun, or the same clock time, rarely mean two different things."""
    if a.kind == "time":
        x, y = clocks(a, b)
        return VALUE_BONUS * 2 if abs(x - y) <= 30 else 0.0
    if a.kind != "count":
        return 0.0
    # running totals ("... since the war began") are a distinctive frame of their own
    frame = CUMULATIVE_BONUS if "since" in a.context and "since" in b.context else 0.0
    if "vague" in a.norm or "vague" in b.norm:
        return frame
    na, nb = float(a.norm["n"]), float(b.norm["n"])
    if min(na, nb) < 10:
        return frame
    if na == nb and na >= SAME_FIGURE_MIN and a.norm["op"] != b.norm["op"]:
        # "more than 60 sites" and "60 targets": one figure, one outlet hedging it
        return frame + VALUE_BONUS + SAME_FIGURE_BONUS
    return frame + (VALUE_BONUS if max(na, nb) / min(na, nb) <= 1.25 else 0.0)


def _bucket_key(o: Obs) -> str:
    if o.kind == "count":
        return f"count:{o.head}"
    return o.kind


def cluster(observations: list[Obs], idf: Idf) -> list[list[Obs]]:
    """Group observations into fact slots (each slot a list of observations)."""
    buckets: dict[str, list[Obs]] = defaultdict(list)
    for o in observations:
        buckets[_bucket_key(o)].append(o)
    out: list[list[Obs]] = []
    for key in sorted(buckets):
        out.extend(_cluster_bucket(buckets[key], idf))
    return out


def _candidates(obs: list[Obs], idf: Idf) -> set[tuple[int, int]]:
    """Pairs worth scoring: they share a word that is not everywhere in the story, or (for
    times) a clock value, which is distinctive on its own."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(obs):
        for w in o.context:
            if not idf.common(w):
                index[w].append(i)
        if o.kind == "time":  # the clock as written, and the instant where a zone is given,
            # in two overlapping half-hours each, so times up to 30 minutes apart always meet
            clocks = [("@", int(o.norm["minutes"]))] + ([("@utc", int(o.lo))] if "utc" in o.norm else [])
            for tag, minutes in clocks:
                index[f"{tag}{minutes // 30}"].append(i)
                index[f"{tag}{minutes // 30 + 1}"].append(i)
    out: set[tuple[int, int]] = set()
    arts = [o.article for o in obs]
    for members in index.values():
        if len(members) > MAX_POSTING:
            continue
        for x, mx in enumerate(members):
            ax = arts[mx]
            out.update([(mx, my) for my in members[x + 1:] if arts[my] != ax])  # same order as pairwise adds
    return out


class _Group:
    """A growing slot: its members, grouped by value, and each article's value."""

    __slots__ = ("anchors", "article_value", "by_value", "members", "preds")

    def __init__(self, i: int, o: Obs) -> None:
        key = value_key(o)
        self.members = [i]
        self.by_value: dict[tuple, list[int]] = {key: [i]}
        self.article_value: dict[str, set[tuple]] = {o.article: {key}}
        self.preds: set[str] = {o.pred} if o.pred and o.pred != NEUTRAL_GROUP else set()
        self.anchors: frozenset[str] = o.anchor
        """What the slot's values measure, where their sentences say ("ship", "revenue")."""

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        self.preds |= other.preds
        self.anchors |= other.anchors
        for key, ms in other.by_value.items():
            self.by_value.setdefault(key, []).extend(ms)
        for art, keys in other.article_value.items():
            self.article_value.setdefault(art, set()).update(keys)


def _cluster_bucket(obs: list[Obs], idf: Idf) -> list[list[Obs]]:
    sim: dict[tuple[int, int], float] = {}
    pairs: list[tuple[float, int, int]] = []
    # wire copies repeat sentences word for word: score each distinct pair of contexts once
    ids: dict[tuple, int] = {}
    values_of: dict[tuple[str, str | None], set[tuple]] = defaultdict(set)
    for o in obs:
        if "vague" not in o.norm:  # "thousands of patients" is not a count of them
            values_of[o.article, o.pred].add(value_key(o))
    # sole per predicate: "one killed, five injured" still gives its one injured figure
    sole = [o.kind == "count" and "vague" not in o.norm and len(values_of[o.article, o.pred]) == 1 for o in obs]
    sig = [ids.setdefault((frozenset(o.context), o.head, value_key(o), sole[i]), len(ids)) for i, o in enumerate(obs)]
    memo: dict[tuple[int, int], float] = {}
    weights = [_weights(o, idf) if o.context else None for o in obs]
    spans = [(id(o.sent), o.start, o.end) for o in obs]  # one value read twice: not a pair
    for i, j in _candidates(obs, idf):
        if spans[i] == spans[j]:
            continue
        key = (sig[i], sig[j])
        s = memo.get(key)
        if s is None:
            wi, wj = weights[i], weights[j]
            s = memo[key] = _scored(obs[i], obs[j], wi, wj) if wi is not None and wj is not None else 0.0
            if s > 0.0 and sole[i] and sole[j]:
                s = memo[key] = min(s + SOLE_BONUS, 1.0)
        if s <= 0.0:
            continue
        sim[i, j] = sim[j, i] = s
        if s >= AGREE_THRESHOLD:
            pairs.append((s, min(i, j), max(i, j)))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    member = list(range(len(obs)))
    groups = {i: _Group(i, o) for i, o in enumerate(obs)}
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in sim.items():
        links[i][j] = s
    verdicts: dict[tuple[tuple, tuple], tuple[str | None, bool]] = {}
    roots = [o.root for o in obs]
    for _s, i, j in pairs:
        gi, gj = member[i], member[j]
        if gi == gj:
            continue
        if _can_merge(groups[gi], groups[gj], links[gi].get(gj, 0.0), obs, sim, verdicts, roots):
            big, small = (gi, gj) if len(groups[gi].members) >= len(groups[gj].members) else (gj, gi)
            groups[big].absorb(groups[small])
            for k in groups.pop(small).members:
                member[k] = big
            for other, s in links.pop(small, {}).items():
                if other == big:
                    continue
                links[big][other] = links[big].get(other, 0.0) + s
                links[other][big] = links[other].get(big, 0.0) + s
                links[other].pop(small, None)
            links[big].pop(small, None)
    return [[obs[k] for k in sorted(g.members)] for g in groups.values()]


def _verdict(
    ka: tuple, kb: tuple, ga: _Group, gb: _Group, obs: list[Obs],
    verdicts: dict[tuple[tuple, tuple], tuple[str | None, bool]],
) -> tuple[str | None, bool]:
    """Whether two values conflict, and if so whether they are plausibly one thing (cached)."""
    verdict = verdicts.get((ka, kb))
    if verdict is None:
        a = obs[(ga.by_value.get(ka) or gb.by_value[ka])[0]]
        b = obs[(gb.by_value.get(kb) or ga.by_value[kb])[0]]
        c = conflict(a, b)
        verdict = verdicts[ka, kb] = verdicts[kb, ka] = (c, plausible_variant(a, b) if c else True)
    return verdict


def _can_merge(
    ga: _Group,
    gb: _Group,
    link_sum: float,
    obs: list[Obs],
    sim: dict[tuple[int, int], float],
    verdicts: dict[tuple[tuple, tuple], tuple[str | None, bool]],
    roots: list[str],
) -> bool:
    if len(ga.preds | gb.preds) > 1:  # 20 killed and 20 injured are two facts
        return False
    if (WHOLE in ga.preds) != (WHOLE in gb.preds):  # "11 of the country's 14 regions" and "in 11 regions"
        return False
    if ga.anchors and gb.anchors and not ga.anchors & gb.anchors:
        return False  # the ship's length and the bridge's, joined through a value that names neither
    # an article does not contradict itself within a slot ("last week" and "Jan. 28" may
    # both come from one article; "Jan. 27" and "Jan. 28" may not)
    small, big = (ga, gb) if len(ga.article_value) <= len(gb.article_value) else (gb, ga)
    for art, keys in small.article_value.items():
        for key in keys:
            for other in big.article_value.get(art, ()):
                if key != other and _verdict(key, other, ga, gb, obs, verdicts)[0] is not None:
                    return False
    if link_sum / (len(ga.members) * len(gb.members)) < AGREE_THRESHOLD:
        return False
    conflicting: list[float] = []
    for ka, ma in ga.by_value.items():
        for kb, mb in gb.by_value.items():
            if ka == kb:
                continue
            verdict = _verdict(ka, kb, ga, gb, obs, verdicts)
            if verdict[0] is None:
                continue
            pairs = [(x, y) for x in ma for y in mb if roots[x] != roots[y]]
            if not pairs:
                continue
            if not verdict[1]:
                return False
            conflicting.extend(sim.get(p, 0.0) for p in pairs)
    if not conflicting:
        return True
    return min(conflicting) >= AGREE_THRESHOLD and sum(conflicting) / len(conflicting) >= CONTEST_THRESHOLD
