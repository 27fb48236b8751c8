"""``analyze(article)``: sentences, then mentions per sentence, then article-level fixes.

Article-level passes exist because one sentence rarely knows enough: a name's kind is
decided by its strongest cue anywhere in the article ("Acme Holdings" in one sentence makes
"Acme Holdings" an organization everywhere), a surname alone refers back to the full name,
and a quote's speaker "he" is the last person named before it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from operator import itemgetter

from ..models import Article, Claim, Mention
from .dates import find_dates, find_times, parse_published
from .lexicon import digit_run_starts, overlaps_sorted
from .names import build_context, find_names, name_key
from .numbers import find_counts
from .quotes import find_attributions, find_hedges, find_quotes, quote_speaker
from .result import Analysis
from .sentences import split_sentences

_NAME_KINDS = ("person", "org", "place")
_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])
_LINE = re.compile(r"[^\n]+")
_count = itemgetter(1)
MAX_MENTIONS_PER_CLAIM = 32
"""A real sentence names far fewer values; each mention can become a fact citing the sentence."""


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _fix_names(
    mentions: list[Mention], dateline: str | None, pending: Sequence[tuple[int, int, str]] = ()
) -> list[Mention]:
    """Article-level name passes: kind by strongest cue, surname references, datelines;
    ``pending`` lone words become mentions only when the article confirms them."""
    # plain dicts, not Counters: the first kind to reach the top count wins, as with
    # Counter.most_common(1), at a fraction of the cost
    strong: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.kind in _NAME_KINDS and not m.normalized.get("_weak"):
            counts = strong.get(m.normalized["key"])
            if counts is None:
                strong[m.normalized["key"]] = {m.kind: 1}
            else:
                counts[m.kind] = counts.get(m.kind, 0) + 1
    dl_key = name_key(dateline) if dateline else None
    winner = {k: max(c.items(), key=_count)[0] for k, c in strong.items()}
    # suffix index: "sudani" and "shia sudani" -> the fullest person name ending with them
    tails: dict[str, tuple[int, str]] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        parts = m.normalized["key"].split()
        for i in range(max(1, len(parts) - 6), len(parts)):  # bounded: linear in the article
            tail = " ".join(parts[i:])
            if tail not in tails or len(parts) > tails[tail][0]:
                tails[tail] = (len(parts), m.normalized["name"])
    out = []
    for m in mentions:
        if m.kind not in _NAME_KINDS:
            out.append(m)
            continue
        norm = m.normalized  # find_names made it for this mention alone: edit in place
        weak = norm.pop("_weak", False)
        unknown = norm.pop("_unknown", False)
        key = norm["key"]
        kind = m.kind
        won = winner.get(key)
        if dl_key and key and (key == dl_key or dl_key.startswith(key + " ")):
            kind = "place"
        elif weak and won:
            kind = won
        other_kind = won is not None and won != "person"
        if (kind in ("person", "org") or weak) and key in tails and not other_kind:
            # a shorter name that ends a longer person name refers to it ("Kirby")
            kind = "person"
            norm["ref"] = tails[key][1]
        if unknown and not norm["ref"] and won is None:
            continue  # a lone capitalized word nothing in the article confirms
        out.append(m if kind == m.kind else Mention(kind, m.start, m.end, m.text, norm))
    for s, e, text in pending:
        key = name_key(text)
        won = winner.get(key)
        ref = tails[key][1] if key in tails and (won is None or won == "person") else None
        if ref is None and won is None:
            continue
        kind = "person" if ref else won
        if dl_key and key and (key == dl_key or dl_key.startswith(key + " ")):
            kind = "place"
        norm = {
            "name": text,
            "key": key,
            "title": None,
            "role": None,
            "nickname": None,
            "acronym": None,
            "expansion": None,
            "ref": ref,
        }
        out.append(Mention(kind, s, e, text, norm))
    return out


def analyze(article: Article) -> Analysis:
    """Split, extract, resolve. Never raises on text: every extractor is regex-bounded."""
    body = article.body or ""
    pub = parse_published(article.published, getattr(article, "published_at", None))
    sentences = split_sentences(body, list(article.captions or []))
    ctx = build_context(body)

    # Each extractor scans the whole body once (per-call overhead dominated when it ran per
    # sentence or paragraph); a match that crosses a sentence boundary is dropped below.
    starts = [s.start for s in sentences]
    words = ctx.lower_words
    caps = ctx.cap_words
    digits = digit_run_starts(body)
    dates = find_dates(body, 0, pub, words, caps, digits)
    times = find_times(body, 0, words, caps, digits)
    taken = sorted((m.start, m.end) for m in dates + times)
    taken_starts = [t[0] for t in taken]
    # ``words`` (the words the body writes in lower case, collected for names) prefilters
    # every key-word scan; capitalized sentence-initial forms are checked separately.
    flat: list[Mention] = dates + times
    flat += find_counts(body, 0, taken, words, caps, digits)
    pending: list[tuple[int, int, str]] = []
    flat += [
        nm
        for nm in find_names(body, 0, ctx, starts, pending)
        if not (taken and overlaps_sorted(nm.start, nm.end, taken, taken_starts))
    ]
    flat += find_attributions(body, 0, name_key, words)
    flat += find_hedges(body, 0, words, caps)
    pending = [p for p in pending if not (taken and overlaps_sorted(p[0], p[1], taken, taken_starts))]
    fixed = _fix_names(flat, article.dateline, pending)
    per_sentence: list[list[Mention]] = [[] for _ in sentences]
    sent_starts = [s.start for s in sentences]
    for m in fixed:
        i = bisect.bisect_right(sent_starts, m.start) - 1
        if i >= 0 and m.end <= sentences[i].end:
            per_sentence[i].append(m)

    # persons in order, for pronoun speakers
    person_pos = sorted(
        (m.start, m.normalized.get("ref") or m.normalized["name"])
        for ms in per_sentence
        for m in ms
        if m.kind == "person"
    )

    person_starts = [p for p, _ in person_pos]

    # a speaker named by surname ("Kirby said") is reported by the full name the article
    # gave earlier, so quotes line up across outlets that name the speaker differently
    full_names = {
        m.normalized["key"]: m.normalized["ref"]
        for ms in per_sentence
        for m in ms
        if m.kind == "person" and m.normalized.get("ref")
    }

    def resolve(src: str, pos: int) -> str | None:
        if not src:
            return None
        if src.lower() in _PRONOUNS and src.lower() != "they":
            i = bisect.bisect_left(person_starts, pos)
            return person_pos[i - 1][1] if i else src
        return full_names.get(name_key(src), src)

    # attributions with pronoun sources get resolved too
    for ms in per_sentence:
        for i, m in enumerate(ms):
            if m.kind == "attribution" and m.normalized["source"].lower() in _PRONOUNS:
                src = resolve(m.normalized["source"], m.start)
                if src != m.normalized["source"]:
                    ms[i] = dataclasses.replace(
                        m, normalized={**m.normalized, "resolved": src, "resolved_key": name_key(src)}
                    )

    # quotes: found per paragraph, clipped to each sentence
    quotes: list[tuple[int, int, bool, str | None]] = []
    for lm in _LINE.finditer(body):
        for qs, qe, closed in find_quotes(lm.group(), lm.start()):
            spk = quote_speaker(body, qs, qe, lm.end(), lm.start(), resolve)
            quotes.append((qs, qe, closed, spk))
    if quotes:
        qi = 0
        for s, ms in zip(sentences, per_sentence, strict=True):
            while qi < len(quotes) and quotes[qi][1] <= s.start:
                qi += 1
            j = qi
            while j < len(quotes) and quotes[j][0] < s.end:
                qs, qe, closed, spk = quotes[j]
                a, b = max(qs, s.start), min(qe, s.end)
                if b > a:
                    inner = body[a:b].strip('“”"«»‘’ ')
                    ms.append(
                        Mention(
                            "quote",
                            a,
                            b,
                            body[a:b],
                            {
                                "text": inner,
                                "speaker": spk,
                                "speaker_key": name_key(spk) if spk else None,
                                "closed": closed and b == qe,
                                "words": len(inner.split()),
                            },
                        )
                    )
                j += 1

    claims = []
    for s, ms in zip(sentences, per_sentence, strict=True):
        if not ms:
            continue
        ms = [m for m in ms if s.start <= m.start < m.end <= s.end]
        if not ms:
            continue
        ms.sort(key=lambda m: (m.start, -m.end, m.kind))
        del ms[MAX_MENTIONS_PER_CLAIM:]  # a list or junk, not a sentence: keeps output linear
        claims.append(Claim(s.start, s.end, s.text, ms, is_caption=s.is_caption))
    return Analysis(claims, sentences)
