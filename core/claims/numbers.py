"""Counts and quantities: "at least 40 times", "roughly 3,500 personnel", "dozens of sites".

Output shape is documented in ``wiredesk.core.claims`` (kind ``count``). Why the bound is
kept apart from the number: outlets differ mostly in the bound ("at least 150" vs "more
than 45"), and the facts engine must tell a bound conflict from a value conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Mention
from .lexicon import (
    BOUNDS,
    COMMON_VERBS,
    CURRENCIES,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    MULTIPLIERS,
    NOUN_STOP,
    NUMBER_WORDS,
    VAGUE,
    KeywordScanner,
    anchored_matches,
    overlaps_sorted,
    singular,
    verb_lemma,
)

_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUMWORD = (
    rf"(?:(?:{_TENS})(?:[-\s](?:{_UNITS_WORDS}))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
    rf"|{_UNITS_WORDS})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BOUND_ALT = "|".join(sorted((re.escape(b) for b in BOUNDS), key=len, reverse=True))
_VAGUE_ALT = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_CUR = "".join(re.escape(c) for c in CURRENCIES)

_QUANTITY = re.compile(
    rf"(?<![\w.,:/#\-–$€£])"
    rf"(?:(?P<bound>{_BOUND_ALT})\s+)?"
    rf"(?:(?P<cur>[{_CUR}])\s?)?"
    rf"(?:(?P<digits>{_DIGITS})|(?P<word>{_NUMWORD})|(?P<vague>{_VAGUE_ALT}))"
    r"(?:(?:\s|-)?(?P<mult>hundred|thousand|million|billion|trillion|bn|mn|m|k)(?![\w]))?"
    r"(?P<age>-year-old|\s+years?\s+old)?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?"
    r"(?![\w\-:]|[.,]\d)",
    re.IGNORECASE,
)
_QTY_TRIGGER = re.compile(  # class lookahead first: lets ``re`` skip ahead fast
    rf"(?=[0-9OoTtFfSsEeNnZzDdHhMmBb])(?:\d+|(?i:\b(?:{_NUMWORD}|dozens?|scores|hundreds|thousands"
    r"|millions|billions|several|few|handful|numerous)\b))"
)
_BOUND_ENDS = frozenset(b.split()[-1] for b in BOUNDS)
_TOKEN_AFTER = re.compile(r"(?:[^\S\n]+|(?=[^\W\d_]))(?:of[^\S\n]+(?:the[^\S\n]+)?)?([^\W\d_][\w’'\-]*)")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w’'\-]*")
_NOT_PLURAL = frozenset(
    ["news", "series", "species", "bus", "gas", "its", "this", "is", "was", "has", "crisis", "status", "us"]
)
_NO_CONTEXT = frozenset({"say", "tell", "be", "have", "report", "add", "accord", "includ", "follow"})


def _parse_digits(s: str) -> int | float:
    v = float(s.replace(",", ""))
    return int(v) if v.is_integer() else v


def _word_value(s: str) -> int:
    parts = re.split(r"[-\s]+", s.lower())
    return sum(NUMBER_WORDS.get(p, 0) for p in parts)


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun after ``pos`` (literal, lower case) and where it ends."""
    words: list[tuple[str, int]] = []
    for _ in range(4):
        m = _TOKEN_AFTER.match(text, pos)
        if not m:
            break
        w = m.group(1)
        if w.lower() in NOUN_STOP:
            break
        words.append((w, m.end()))
        pos = m.end()
        if pos >= len(text) or not text[pos].isspace():
            break
    if not words:
        return None, pos
    for w, end in words:
        lw = w.lower()
        if lw.endswith("s") and w[-1] == "s" and lw not in _NOT_PLURAL and len(lw) > 2:
            return lw, end
    for w, end in reversed(words):
        lw = w.lower()
        if not lw.endswith(("ed", "ing")) and not w.isupper():
            return lw, end
    return None, pos


def _context_before(text: str, pos: int) -> str | None:
    """The nearest verb-like word before ``pos`` in the clause (crude, but cheap)."""
    window = text[max(0, pos - 120) : pos]
    cut = max(window.rfind(";"), window.rfind(". "), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    words = _WORD_BEFORE.findall(window)
    for w in reversed(words[-12:]):
        lw = w.lower()
        if "-" in lw:
            continue
        lemma = verb_lemma(lw)
        if lemma is None and lw in COMMON_VERBS:
            lemma = singular(lw) if lw.endswith("s") and lw != "struck" else lw
            if lw == "struck":
                lemma = "strike"
        if lemma and lemma not in _NO_CONTEXT:
            return lemma
    return None


_QTY_WORDS = KeywordScanner(
    set(NUMBER_WORDS)
    | {"hundred", "thousand", "million", "billion"}
    | {w for v in VAGUE for w in v.split() if w != "a" and w != "of"}
    | {"dozen"},
    digits=True,
)


def find_counts(
    text: str,
    base: int,
    skip: Iterable[tuple[int, int]] = (),
    words: frozenset[str] | None = None,
    caps: frozenset[str] | None = None,
    digits: list[int] | None = None,
) -> list[Mention]:
    """Count mentions in a sentence ``text`` that starts at body offset ``base``.

    ``skip`` holds body spans already taken by dates and times, so "Jan. 28" or "9:30" are
    never read as counts.
    """
    taken = sorted(skip)
    taken_starts = [t[0] for t in taken]
    out: list[Mention] = []
    for m in anchored_matches(_QUANTITY, _QTY_WORDS.starts(text, words, caps, digits), text, _BOUND_ENDS):
        s, e = m.start(), m.end()
        if taken and overlaps_sorted(base + s, base + e, taken, taken_starts):
            # a date or time covers part of it; a bound-less number inside it is not a count
            continue
        bound = m.group("bound")
        digits, word, vague = m.group("digits"), m.group("word"), m.group("vague")
        cur, mult, pct, age = m.group("cur"), m.group("mult"), m.group("pct"), m.group("age")
        before = text[max(0, s - 8) : s].lower()
        if before.rstrip().endswith(("no.", "#", "number", "no")) and not bound:
            continue
        n: int | float | None
        lo: int | None = None
        hi: int | None = None
        klass = "count"
        if vague:
            op = "vague"
            n = None
            lo, hi = VAGUE[vague.lower()]
        elif digits:
            n = _parse_digits(digits)
            if (
                not bound
                and not cur
                and not mult
                and not pct
                and not age
                and "," not in digits
                and "." not in digits
                and len(digits) == 4
                and 1900 <= int(digits) <= 2099
            ):
                continue  # a year
            if "," not in digits and "." not in digits and len(digits) >= 7 and not cur and not mult:
                continue  # phone numbers, ids
        else:
            assert word is not None
            lw = word.lower()
            if lw in ("one", "zero") and not bound and not mult and not pct:
                continue  # "one of the...", "one image": too noisy to compare
            n = _word_value(word)
            if word[0].isupper() and s > 0 and text[s - 1] not in ' \t\n"“‘(':
                continue
        if mult and n is not None:
            factor = MULTIPLIERS[mult.lower()]
            if mult.lower() in ("m", "k", "bn", "mn") and not (cur or digits):
                continue
            n = n * factor
            if isinstance(n, float) and n.is_integer():
                n = int(n)
        if bound and not vague:
            op = BOUNDS[bound.lower()]
        elif not vague:
            op = "="
        unit: str | None
        end = e
        if pct:
            unit, klass = "%", "percent"
        elif age:
            unit, klass = "years", "age"
        elif cur:
            unit, klass = CURRENCIES[cur], "money"
        else:
            unit, end2 = _noun_after(text, e)
            if unit:
                end = end2
                if unit in CURRENCY_WORDS:
                    unit, klass = CURRENCY_WORDS[unit], "money"
                elif unit in MEASURE_UNITS:
                    klass = "measure"
        noun = None if klass in ("percent", "money", "age") or unit is None else singular(unit)
        if klass == "age":
            noun = "age"
        bare = n is not None and unit is None and not bound and not pct and not cur and op != "vague"
        if bare and (word is not None or (isinstance(n, int) and n < 2)):
            continue  # a bare number word with nothing counted is too vague to compare
        out.append(
            Mention(
                "count",
                base + s,
                base + end,
                text[s:end],
                {
                    "op": op,
                    "n": n,
                    "min": lo,
                    "max": hi,
                    "unit": unit,
                    "noun": noun,
                    "context": _context_before(text, s),
                    "bound": bound.lower() if bound else None,
                    "class": klass,
                },
            )
        )
    return out
