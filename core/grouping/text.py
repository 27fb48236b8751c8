"""Word-level text handling for grouping: tokens, names, loosely resolved dates, shingles.

Grouping never needs the precise sentence model the claim engine builds; it needs cheap,
robust signals that survive rewording across outlets. Everything here is generic English
news vocabulary (function words, months, weekdays, reporting verbs): no story's names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import compress, repeat
from operator import and_, not_

from ..text import year_for

# Combining marks left by NFKD: dropping them makes "Ṣadr" and "Sadr" one term.
_MARKS = re.compile(r"[\u0300-\u036f]")
# Dotted initialisms ("U.S.", "U.N.") collapse to one token so they match "US", "UN".
_INITIALISM = re.compile(r"[A-Z]\.[A-Z]\.(?:[A-Z]\.)*")
# A word: letters/digits with inner apostrophes ("O'Neill", "Washington's").
WORD = re.compile(r"\w+(?:['’ʼ`]\w+)*")
_MARK_CHARS = "'’ʼ`"
# Quoted passages: outlets quote the same statement verbatim without copying each other,
# so quotes are left out of the reprint shingles.
_QUOTED = re.compile(r"“[^”\n]{0,800}”|\"[^\"\n]{0,800}\"|«[^»\n]{0,800}»")

_STOPWORD_TEXT = """
    a about above across after afterwards again against all almost alone along already also although
    always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
    back be became because become becomes becoming been before beforehand behind being below beside
    besides between beyond both but by can cannot could did do does doing done down due during each
    either else elsewhere enough even ever every everyone everything everywhere except few first for
    former formerly from further had has have having he hence her here hereafter hereby herein hers
    herself him himself his how however if in indeed into is it its itself just last latter least less
    made many may me meanwhile might mine more moreover most mostly much must my myself namely neither
    never nevertheless next no nobody none nor not nothing now nowhere of off often on once one only
    onto or other others otherwise our ours ourselves out over own per perhaps please put rather re
    same see seem seemed seeming seems several she should since so some somehow someone something
    sometime sometimes somewhere still such than that the their theirs them themselves then thence
    there thereafter thereby therefore therein thereupon these they this those though through
    throughout thru thus to together too toward towards under until up upon us very via was we well
    were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever
    whether which while whither who whoever whole whom whose why will with within without would yet
    you your yours yourself yourselves
    said says say saying told tell tells according added adding stated reported reports reportedly
    mr mrs ms dr sir
    new news people year years day days time times week weeks month months today yesterday tomorrow
    tonight morning afternoon evening night local
    two three four five six seven eight nine ten hundred thousand million billion dozen dozens
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Function words, reporting verbs, honorifics and time words: common to every story."""

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_MONTH_ALT = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_WEEKDAY_ALT = "|".join(w.capitalize() for w in WEEKDAYS)
# One pass finds "Feb. 7", "February 7, 2024", "7 February" and weekday names. The
# lookahead lets the scan skip the many positions that cannot start a date cheaply.
_DATES = re.compile(
    rf"(?=[A-Z0-9])(?:\b(?P<m1>{_MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_ALT})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|\b(?P<w>{_WEEKDAY_ALT})\b)"
)
_RELATIVE_HINTS = ("esterday", "oday", "onight", "ast night")  # cheap substring prefilter
_RELATIVE_DAY = re.compile(r"\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast night)\b")
# Characters beyond ASCII, Latin-1 symbols and general punctuation may carry accents or
# compatibility forms; text without them skips the (slow) NFKD pass.
_NEEDS_NFKD = re.compile(r"[^\x00-\xbf\u2000-\u206f]")


def fold(text: str) -> str:
    """Text with accents stripped and initialisms collapsed, ready for tokenizing."""
    if _NEEDS_NFKD.search(text):
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return _INITIALISM.sub(lambda m: m.group().replace(".", ""), text)


def normalize_token(token: str) -> str:
    """The matching key of a token: lowercase, possessive dropped, apostrophes removed."""
    token = token.lower()
    if token.isalnum():  # the common case, kept off the slower path
        return token
    for mark in _MARK_CHARS:
        if token.endswith(mark + "s"):
            token = token[:-2]
        token = token.replace(mark, "")
    return token


# A capitalized word is in mid-sentence when it follows a lower-case word, a comma, a hyphen
# ("al-Amin"), an opening bracket or quote. Checked in Python on each capitalized word: far
# cheaper than a look-behind regex tried at every position.
_CAPITAL = re.compile(r"[A-Z]\w*(?:['’ʼ`]\w+)*")
_BEFORE_SPACE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,;:)’”'\"")
_OPENERS = frozenset(("(", "“", "‘", '"', "'"))


def _mid_sentence_capitals(text: str) -> set[str]:
    out: set[str] = set()
    for m in _CAPITAL.finditer(text):
        i = m.start()
        if i < 2:
            continue
        a, b = text[i - 2], text[i - 1]
        if (b == " " and a in _BEFORE_SPACE) or (b == "-" and a.islower()) or (a == " " and b in _OPENERS):
            out.add(m.group())
    return out
# Transliteration folds applied before vowels are dropped: Qasim/Kasem, al-Fadhli/al-Fadli.
_TRANSLIT = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ph", "f"), ("q", "k"),
             ("c", "k"), ("z", "s"), ("w", "v"), ("j", "i"), ("y", "i"))
_VOWELS_H = re.compile(r"[aeiouh]+")
_DOUBLES = re.compile(r"(.)\1+")


def name_skeleton(key: str) -> str | None:
    """A spelling-tolerant key for a name: first letter, then consonants after common
    transliteration folds ("fadhli", "fadli" -> "fdl"; "qasim", "kasem" -> "ksm").

    None when too little is left to be distinctive. Used only to let spelling variants of
    one name count as shared; it never decides on its own.
    """
    if len(key) < 4 or not key.isalpha():
        return None
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    rest = _DOUBLES.sub(r"\1", _VOWELS_H.sub("", key[1:]))
    skeleton = key[0] + rest
    return skeleton if len(skeleton) >= 3 else None


class TokenCache:
    """Token -> its term key, or None for a token that is not a content term (``keys``); and
    which tokens are capitalized (``capitals``).

    News vocabulary repeats from article to article, so one extracting thread keeps this
    memo and most tokens cost nothing but a C-level lookup. (``keys`` is a plain dict on
    purpose: ``set.difference`` with an exact dict is a lookup per element, with anything
    else a copy of the whole memo.)"""

    def __init__(self) -> None:
        self.keys: dict[str, str | None] = {}
        self.capitals: set[str] = set()

    def __len__(self) -> int:
        return len(self.keys)

    def learn(self, tokens: Iterable[str]) -> None:
        """Add tokens not seen yet."""
        keys = self.keys
        for token in tokens:
            key = normalize_token(token)
            if len(key) < 3 or key in STOPWORDS or key in MONTHS or key in WEEKDAYS or key.isdigit():
                keys[token] = None
                continue
            keys[token] = key
            if token[0].isupper():
                self.capitals.add(token)


def term_counts(folded: str, cache: TokenCache | None = None) -> tuple[dict[str, int], set[str]]:
    """Counts of content terms in already-``fold``ed text, and which of them read as names.

    A term is a name when it is capitalized in mid-sentence at least once and never written
    in lower case: "Strike" opening a sentence is not a name, nor is "Investigators" when it
    only ever opens one, while "Ostrava" is. This needs no word list of names and works for
    any story.

    The counts are in the order the terms first occur (term ids follow it). Written as set
    and map operations over the token list, so the per-token work runs in C.
    """
    if cache is None:
        cache = TokenCache()
    tokens = WORD.findall(folded)
    distinct = set(tokens)
    unseen = distinct.difference(cache.keys)
    if unseen:
        cache.learn(unseen)
    key_of = cache.keys.__getitem__
    counts = Counter(map(key_of, tokens))  # first occurrence order of each key
    counts.pop(None, None)
    capital_tokens = distinct.intersection(cache.capitals)
    if not capital_tokens:
        return dict(counts), set()
    lower_seen = set(map(key_of, distinct.difference(capital_tokens)))
    candidates = set(map(key_of, capital_tokens)).difference(lower_seen)
    if not candidates:
        return dict(counts), candidates
    # every mid-sentence capital is one of the tokens (it starts after a space, hyphen or
    # opening mark, where a token starts, and reads to the same end)
    mid = set(map(cache.keys.get, _mid_sentence_capitals(folded)))
    return dict(counts), candidates & mid


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_dates(folded: str, published: date | None) -> set[str]:
    """Dates the text mentions, resolved loosely against the publication date.

    Keys are ``d:YYYY-MM-DD`` when a year is known (stated, or taken from the publication
    date, stepping back a year for a month later than publication) and ``d:MM-DD``
    otherwise. A weekday is the most recent such day on or before publication (a weekday in
    a paper published that weekday means that day); without a publication date it is kept
    only as ``w:name``. Loose on purpose: two outlets naming the same day in different forms
    ("Wednesday", "Feb. 7", "7 February") get the same key.
    """
    out: set[str] = set()
    weekdays: set[str] = set()
    for m in _DATES.finditer(folded):
        if m["w"]:
            weekdays.add(m["w"].lower())
        elif m["m1"]:
            _add_date(out, MONTHS[m["m1"].lower()], int(m["d1"]), m["y1"] or "", published)
        else:
            _add_date(out, MONTHS[m["m2"].lower()], int(m["d2"]), m["y2"] or "", published)
    if published is not None and any(w in folded for w in _RELATIVE_HINTS):
        for m in _RELATIVE_DAY.finditer(folded):
            word = m.group().lower()
            shift = -1 if word in ("yesterday", "last night") else 0
            out.add(f"d:{published + timedelta(days=shift):%Y-%m-%d}")
    for name in weekdays:
        if published is None:
            out.add(f"w:{name}")
        else:
            back = (published.weekday() - WEEKDAYS[name]) % 7
            out.add(f"d:{published - timedelta(days=back):%Y-%m-%d}")
    return out


def _add_date(out: set[str], month: int, day: int, year_s: str, published: date | None) -> None:
    if not 1 <= day <= 31:
        return
    if year_s:
        year: int | None = int(year_s)
    else:
        year = year_for(month, day, published)  # the one rule every stage shares (core/text)
    if year is None:
        if _safe_date(2000, month, day):  # 2000 is a leap year: accepts Feb 29
            out.add(f"d:{month:02d}-{day:02d}")
        return
    d = _safe_date(year, month, day)
    if d is not None:
        out.add(f"d:{d:%Y-%m-%d}")


def parse_iso_date(value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` prefix as a date, or None for missing/odd values."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


SHINGLE = 5


def shingle_words(body: str) -> list[str]:
    """The words reprint detection compares: folded, lowercase, quotes left out.

    Words are split on whitespace only and keep their punctuation: a copy reproduces the
    punctuation too, and plain ``split`` is several times faster than a word regex.
    """
    return folded_shingle_words(fold(body))


def folded_shingle_words(folded: str) -> list[str]:
    """``shingle_words`` of text that is already ``fold``ed."""
    return _QUOTED.sub(" ", folded).lower().split()


SAMPLE_MOD = 8  # a power of two: the sample test is ``h & (SAMPLE_MOD - 1) == 0``
"""Reprint sketches keep the shingles whose hash is divisible by this: a fixed-value sample,
so two sketches still estimate how much of one text lies inside the other."""


def sampled_shingles(words: list[str], memo: dict[str, int] | None = None) -> tuple[int, ...]:
    """The sorted sample of an article's shingle hashes used to compare it with others.

    Samples are computed once, when an article is indexed, and stored (see
    ``features.TermFeatures``); which hashes a sample keeps, and the smallest few that
    block candidate pairs, decide which articles are compared. So the hashes come from
    ``stable_keys``, never from the process's salted string hash.
    """
    hashes = list(shingles_of_ints(stable_keys(words, memo)))
    # h % SAMPLE_MOD == 0, as C-level map/compress rather than a Python loop per shingle
    return tuple(sorted(compress(hashes, map(not_, map(and_, hashes, repeat(SAMPLE_MOD - 1))))))


def stable_keys(words: list[str], memo: dict[str, int] | None = None) -> list[int]:
    """Each word as an integer that is the same in every process (``memo`` keeps them across
    the articles of one run): Python's string hash is salted per process, and with it the
    same folder grouped into one story in one run and two in the next."""
    if memo is None:
        memo = {}
    keys = list(map(memo.get, words))
    if None in keys:
        for word in set(words).difference(memo):
            memo[word] = _stable_word_hash(word)
        keys = list(map(memo.__getitem__, words))
    return keys


def _stable_word_hash(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 3


def shingles_of_ints(keys: list[int], size: int = SHINGLE) -> set[int]:
    """Hashes of every run of ``size`` consecutive words given as integers: the hash of a
    tuple of ints does not depend on ``PYTHONHASHSEED``."""
    if len(keys) < size:
        return {hash(tuple(keys))} if keys else set()
    return set(map(hash, zip(*(keys[i:] for i in range(size)), strict=False)))


def shingles(words: list[str], size: int = SHINGLE) -> set[int]:
    """Hashes of every run of ``size`` consecutive words, the same in every process."""
    return shingles_of_ints(stable_keys(words), size)
