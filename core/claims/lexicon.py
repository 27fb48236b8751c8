"""Small generic word lists and the crude lemmatizer the extractors share.

Everything here is general English news vocabulary (months, weekdays, number words, bound
phrases, title and role words): nothing about any particular story.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..text.lexicon import BOUND_OPS

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
NUMBER_WORDS.update(
    {
        w: (i + 2) * 10
        for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    }
)

MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1000,
}

# vague quantity words -> (min, max)
VAGUE: dict[str, tuple[int | None, int | None]] = {
    "dozens": (24, None),
    "scores": (40, None),
    "hundreds": (200, None),
    "thousands": (2000, None),
    "millions": (2_000_000, None),
    "billions": (2_000_000_000, None),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful": (2, 6),
    "numerous": (3, None),
    "tens of thousands": (20_000, None),
    "hundreds of thousands": (200_000, None),
    "a dozen": (10, 14),
}

BOUNDS: dict[str, str] = {word: ("<~" if op == "~<" else op) for word, op in BOUND_OPS.items()}
"""The shared bound words (``core/text/lexicon.py``), with this engine's name for "nearly"."""

CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "rupees": "INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}

MEASURE_UNITS = frozenset(
    [
        "km",
        "kilometres",
        "kilometers",
        "kilometre",
        "kilometer",
        "miles",
        "mile",
        "metres",
        "meters",
        "metre",
        "meter",
        "m",
        "cm",
        "mm",
        "kg",
        "kilograms",
        "tonnes",
        "tons",
        "ton",
        "pounds",
        "lbs",
        "feet",
        "foot",
        "ft",
        "inches",
        "hectares",
        "acres",
        "degrees",
        "mph",
        "kph",
        "litres",
        "liters",
        "gallons",
        "barrels",
        "megawatts",
        "mw",
        "gw",
        "watts",
        "magnitude",
    ]
)

# Words that stop the counted-noun scan after a number.
NOUN_STOP = (
    frozenset(
        [
            "of",
            "in",
            "on",
            "at",
            "to",
            "for",
            "from",
            "by",
            "with",
            "without",
            "and",
            "or",
            "but",
            "than",
            "as",
            "that",
            "which",
            "who",
            "whom",
            "whose",
            "were",
            "was",
            "is",
            "are",
            "be",
            "been",
            "being",
            "have",
            "has",
            "had",
            "will",
            "would",
            "could",
            "should",
            "may",
            "might",
            "can",
            "do",
            "does",
            "did",
            "since",
            "after",
            "before",
            "during",
            "until",
            "while",
            "when",
            "where",
            "if",
            "then",
            "there",
            "this",
            "these",
            "those",
            "the",
            "a",
            "an",
            "its",
            "their",
            "his",
            "her",
            "our",
            "your",
            "my",
            "it",
            "they",
            "he",
            "she",
            "we",
            "you",
            "i",
            "last",
            "next",
            "this",
            "each",
            "per",
            "across",
            "over",
            "under",
            "into",
            "onto",
            "about",
            "around",
            "between",
            "among",
            "against",
            "through",
            "including",
            "among",
            "also",
            "already",
            "still",
            "ago",
            "earlier",
            "later",
            "more",
            "less",
            "most",
            "least",
            "times’",
            "percent",
            "per",
            "cent",
            "yesterday",
            "today",
            "tonight",
        ]
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)

TIME_WORDS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "century",
        "centuries",
    ]
)

_IRREGULAR = {
    "struck": "strike",
    "hit": "hit",
    "shot": "shoot",
    "fought": "fight",
    "took": "take",
    "held": "hold",
    "led": "lead",
    "left": "leave",
    "lost": "lose",
    "won": "win",
    "fell": "fall",
    "rose": "rise",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "brought": "bring",
    "caught": "catch",
    "sold": "sell",
    "told": "tell",
    "said": "say",
    "says": "say",
    "saw": "see",
    "seen": "see",
    "made": "make",
    "found": "find",
    "gave": "give",
    "given": "give",
    "ran": "run",
    "came": "come",
    "went": "go",
    "gone": "go",
    "kept": "keep",
    "met": "meet",
    "paid": "pay",
    "put": "put",
    "set": "set",
    "cut": "cut",
    "drove": "drive",
    "driven": "drive",
    "threw": "throw",
    "thrown": "throw",
    "wounded": "wound",
    "injured": "injure",
    "killed": "kill",
    "dead": "die",
    "died": "die",
}
_IRREGULAR_NOUNS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "casualties": "casualty",
    "personnel": "personnel",
    "police": "police",
}

_WORD_ING = re.compile(r"(.{3,}?)(?:ing)$")
_WORD_ED = re.compile(r"(.{3,}?)(?:ed)$")


def singular(word: str) -> str:
    """A crude singular for a plural noun ("sites" -> "site", "casualties" -> "casualty")."""
    w = word.lower()
    if w in _IRREGULAR_NOUNS:
        return _IRREGULAR_NOUNS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=32768)
def verb_lemma(word: str) -> str | None:
    """The lemma of a word that looks like a verb form (irregular, -ed, -ing), else None.
    Cached: the count scanner asks about the same dozen words before every number."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    m = _WORD_ED.match(w)
    if m:
        stem = m.group(1)
        if stem.endswith("i"):
            return stem[:-1] + "y"
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]
        if stem.endswith(("at", "iz", "ur", "ir", "os", "us", "as", "ag", "ov", "uc", "rg", "iv", "rc", "ak")):
            return stem + "e"
        return stem
    m = _WORD_ING.match(w)
    if m and w not in {"during", "including", "according", "morning", "evening", "building"}:
        stem = m.group(1)
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]
        return stem
    return None


COMMON_VERBS = frozenset(
    [
        "hit",
        "hits",
        "strike",
        "strikes",
        "kill",
        "kills",
        "attack",
        "attacks",
        "target",
        "targets",
        "fire",
        "fires",
        "launch",
        "launches",
        "destroy",
        "destroys",
        "arrest",
        "arrests",
        "detain",
        "detains",
        "evacuate",
        "evacuates",
        "wound",
        "wounds",
        "injure",
        "injures",
        "displace",
        "displaces",
        "sell",
        "sells",
        "buy",
        "buys",
        "employ",
        "employs",
        "hire",
        "hires",
        "raise",
        "raises",
        "win",
        "wins",
        "lose",
        "loses",
        "cast",
        "casts",
        "record",
        "records",
        "count",
        "counts",
        "report",
        "reports",
        "affect",
        "affects",
        "receive",
        "receives",
        "damage",
        "damages",
        "struck",
    ]
)


_CAND_START = re.compile(r"(?<![\w$€£¥₹])[\w$€£¥₹]")


def anchored_matches(
    pattern: re.Pattern[str],
    trigger: re.Pattern[str] | list[int],
    text: str,
    prefix_ends: frozenset[str] = frozenset(),
    reach: int = 40,
    words: int = 4,
) -> list[re.Match[str]]:
    """Matches of an expensive ``pattern``, tried only at the cheap ``trigger`` hits, and at a
    few word starts before a hit when the word just before it can end a prefix
    ("at least" before a number, "late on" before a weekday: ``prefix_ends``).

    Why: Python's ``re`` tries every alternative at every position, so a date or quantity
    pattern scanned over whole texts is slow; anchored ``pattern.match`` calls at a handful
    of positions are cheap. Matches are left-to-right and never overlap.
    """
    out: list[re.Match[str]] = []
    last_end = 0
    hits = trigger.finditer(text) if isinstance(trigger, re.Pattern) else trigger
    for t in hits:
        ts = t if isinstance(t, int) else t.start()
        if ts < last_end:
            continue
        lo = max(last_end, ts - reach)
        prev = _PREV_WORD.search(text, max(lo, ts - 16), ts)
        if prev is not None and prev.group(1).lower() in prefix_ends:
            starts = [c.start() for c in _CAND_START.finditer(text, lo, ts)][-words:]
            starts.append(ts)
        elif ts > lo and text[ts - 1] in _CURRENCY_CHARS:
            starts = [ts - 1, ts]
        else:
            starts = [ts]
        for st in starts:
            m = pattern.match(text, st)
            if m is not None and m.end() > ts:
                out.append(m)
                last_end = m.end()
                break
    return out


_PREV_WORD = re.compile(r"([A-Za-z.]+)[\s\-]+$")
_CURRENCY_CHARS = frozenset("$€£¥₹")


_LOWER_WORDS = re.compile(r"[a-z’']+")


def lower_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text``: one C-speed pass that lets extractors skip
    paragraphs holding none of their key words."""
    return frozenset(_LOWER_WORDS.findall(text.lower()))


def overlaps_sorted(s: int, e: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``[s, e)`` overlaps any of ``spans`` (sorted, non-overlapping; ``starts`` their
    starts): a bisect, so checking every mention of a long body stays linear-ish."""
    i = bisect_right(starts, e - 1) - 1
    return i >= 0 and spans[i][1] > s


_DIGIT_RUN = re.compile(r"\d+")
_CAP_WORDS = re.compile(r"(?=[A-Z])\b[A-Z][a-z]*\b")


class KeywordScanner:
    """Start offsets of whole-word key words (and, optionally, digit runs) in a text.

    Why: a regex alternation of many words is tried at every position; a literal word is
    found by a fast substring scan. Only words the text actually contains are scanned for
    (checked against its lower-case word set, or by a plain ``in`` for capitalized forms).
    """

    def __init__(self, words: set[str] | frozenset[str], *, digits: bool = False) -> None:
        self.words = frozenset(words)
        self.digits = digits
        self._lower = frozenset(w for w in self.words if w.islower())
        self._rx = {w: re.compile(re.escape(w) + r"(?![\w])") for w in self.words}
        self._cap = {w: re.compile(re.escape(w.capitalize()) + r"(?![\w])") for w in self._lower}
        self._cap_pairs = [(w.capitalize(), self._cap[w]) for w in self._lower]

    def starts(
        self,
        text: str,
        lower_words: frozenset[str] | None = None,
        cap_words: frozenset[str] | None = None,
        digit_starts: list[int] | None = None,
    ) -> list[int]:
        """``lower_words``/``cap_words``: the text's words written in lower case / with a
        capital (computed here when not given)."""
        if lower_words is None:
            lower_words = frozenset(_LOWER_WORDS.findall(text))
        if cap_words is None:
            cap_words = frozenset(_CAP_WORDS.findall(text))
        rxs = [self._rx[w] for w in self._lower & lower_words]
        rxs += [self._rx[w] for w in (self.words - self._lower) & cap_words]
        rxs += [rx for cap, rx in self._cap_pairs if cap in cap_words]
        out: list[int] = []
        for rx in rxs:
            for m in rx.finditer(text):
                st = m.start()
                if st == 0 or not (text[st - 1].isalnum() or text[st - 1] == "_"):
                    out.append(st)
        if self.digits:
            out += digit_starts if digit_starts is not None else digit_run_starts(text)
        out.sort()
        return out


def digit_run_starts(text: str) -> list[int]:
    """Where each run of digits starts (shared by the date, time and count scanners)."""
    return [m.start() for m in _DIGIT_RUN.finditer(text)]
