"""Short phrases lifted from a slot's own sentences, for labels a desk editor can read.

A label such as "soldiers killed in Jordan since October" is put together from pieces the
outlets themselves wrote: a prepositional phrase next to the value or the event ("in
Jordan", "on the border post", "of the ruling party"), and a running-total frame ("since
October"). A piece is only used when the sentences of several outlets carry its words, so
one outlet's aside does not name the whole slot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    MONTHS,
    NUMBER_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    VAGUE_AMOUNTS,
    WEEKDAYS,
    _words,
    canon,
)

_TOK = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|\S")

PREPOSITIONS = frozenset({"in", "on", "at", "against", "near", "across", "into", "inside", "outside", "over", "along",
                          "of", "from"})
"""Prepositions whose phrase says where, on what or of whom ("attacks on US forces")."""

_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})
_JOINERS = frozenset({"and", "of", "'s", "’s"})
_TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    {"today", "yesterday", "tonight", "morning", "evening", "afternoon", "night", "week", "month", "year",
     "hours", "days", "weeks", "months", "years", "time", "times"}
)
_FUNCTION_WORDS = _words(
    """since until till around about approximately roughly throughout despite during upon via ago
    amid amidst toward towards beyond per unlike like near onto inside outside whose meanwhile
    again already further instead together
    elsewhere nearby overnight afterwards latest recent previous past same other ongoing current
    further following"""
)
_IDIOMS = _words(
    """charge addition total particular fact part order turn general response short effect recent return
    line place case contrast spite front favour favor light view terms total sum all span period
    stretch window timeframe aftermath wake meantime course way"""
)
"""Nouns that make a preposition an idiom ("in charge of", "in addition", "in response")."""
MAX_PHRASE_WORDS = 4

_SINCE = re.compile(
    r"\bsince\s+(?:(?:last|early|late|mid)[\s-]+)?(?:"
    + "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3), key=len, reverse=True))
    + r"|(?:19|20)\d\d|the\s+(?:start|beginning|outbreak)\s+of\s+the\s+[a-z]+|the\s+[a-z]+\s+(?:began|started)"
    r"|then)\b"
)
"""A running total's frame, as written ("since last October", "since the war began")."""


@dataclass(frozen=True)
class Phrase:
    """A candidate piece of a label: its words as written and their canonical keys."""

    text: str
    keys: frozenset[str]
    distance: int
    """Characters between the phrase and the value it qualifies (closer reads better)."""


@lru_cache(maxsize=16384)
def _is_content(tok: str) -> bool:
    low = tok.lower()
    if not tok[:1].isalpha() or low in STOPWORDS or low in _TIME_WORDS or low in SPEECH_VERBS:
        return False
    if low in _FUNCTION_WORDS or low in NUMBER_WORDS or low in VAGUE_AMOUNTS:
        return False
    return not (tok[0].islower() and low.endswith("ly") and len(low) > 4)


def _weak(tok: str) -> bool:
    """A participle ("shopping", "affected"): fine inside a phrase, not at its end, where it is
    usually the next clause's verb ("in the capital killed three")."""
    low = tok.lower()
    return tok[0].islower() and len(low) > 4 and low.endswith(("ing", "ed"))


def prep_phrases(text: str, lo: int, hi: int, anchor: int) -> list[Phrase]:
    """Prepositional phrases inside ``text[lo:hi]``: preposition, optional determiner, then up
    to four content words (capitalised runs may be joined by "and"/"of")."""
    return [Phrase(t, keys, min(abs(s - anchor), abs(e - anchor))) for t, keys, s, e in _phrases(text, lo, hi)]


@lru_cache(maxsize=4096)
def _phrases(text: str, lo: int, hi: int) -> tuple[tuple[str, frozenset[str], int, int], ...]:
    """The phrases of a span with their offsets (cached: wire copies repeat sentences)."""
    toks = [(m.start(), m.group()) for m in _TOK.finditer(text, lo, hi)]
    out: list[tuple[str, frozenset[str], int, int]] = []
    for i, (off, tok) in enumerate(toks):
        if tok.lower() not in PREPOSITIONS or tok[0].isupper():
            continue
        j = i + 1
        if j < len(toks) and toks[j][1].lower() in _DETERMINERS:
            j += 1
        words: list[tuple[int, str]] = []
        while j < len(toks) and len(words) < MAX_PHRASE_WORDS:
            t = toks[j][1]
            if _is_content(t):
                words.append(toks[j])
                j += 1
                continue
            # "Iraq and Syria", "Ministry of Health": a joiner between capitalised words
            if (t.lower() in _JOINERS and words and words[-1][1][0].isupper() and j + 1 < len(toks)
                    and toks[j + 1][1][:1].isupper() and _is_content(toks[j + 1][1])):
                words.append(toks[j])
                j += 1
                continue
            break
        while words and (_weak(words[-1][1]) or words[-1][1].lower() in _JOINERS):
            words.pop()
        if not words or words[0][1].lower() in _IDIOMS:
            continue
        end = words[-1][0] + len(words[-1][1])
        phrase = " ".join(text[off:end].split())
        keys = frozenset(canon(w) for _, w in words if w.lower() not in _JOINERS)
        out.append((phrase, keys, off, end))
    return tuple(out)


def since_frame(text: str) -> str | None:
    """The "since ..." frame of a sentence as written, or None."""
    m = _SINCE.search(text)
    return " ".join(m.group().split()) if m else None


_NOT_A_PLACE = re.compile(
    r"\w+\s+(?:(?:their|his|her|its|our|my|your)\b"
    r"|(?:an?|\d[\d,.]*|one|two|three|four|five|several|few|many|the\s+next|the\s+past)?\s*"
    r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)
"""Phrases that never say where or what: a duration ("over an hour", "within minutes") or
someone's belongings ("from their homes")."""


def best_phrase(
    candidates: Iterable[tuple[str, Phrase]],
    support: dict[str, set[str]],
    roots: int,
    weight,
    exclude: frozenset[str] = frozenset(),
) -> str | None:
    """The candidate whose words the most outlets' sentences carry (``support`` maps a
    canonical word to the roots using it), weighted by rarity and closeness to the value.
    With several outlets, at least two must carry every word of the phrase."""
    need = 2 if roots > 1 else 1
    best: tuple[float, str] | None = None
    seen: set[str] = set()
    for _root, ph in candidates:
        if ph.text.lower() in seen or not ph.keys or ph.keys & exclude or _NOT_A_PLACE.match(ph.text):
            continue
        seen.add(ph.text.lower())
        backers = set.intersection(*(support.get(k, set()) for k in ph.keys))
        if len(backers) < need:
            continue
        score = len(backers) * sum(weight(k) for k in ph.keys) / (1.0 + ph.distance / 60.0)
        if best is None or score > best[0]:
            best = (score, ph.text)
    return best[1] if best else None
