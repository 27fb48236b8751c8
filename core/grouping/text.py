"""Word-level text handling for grouping: tokens, names, loosely resolved dates, shingles.

Grouping never needs the precise sentence model the claim engine builds; it needs cheap,
robust signals that survive rewording across outlets. Everything here is generic English
news vocabulary (function words, months, weekdays, reporting verbs): no story's names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, timedelta

# Combining marks left by NFKD: dropping them makes "Ṣadr" and "Sadr" one term.
_MARKS = re.compile(r"[\u0300-\u036f]")
# Dotted initialisms ("U.S.", "U.N.") collapse to one token so they match "US", "UN".
_INITIALISM = re.compile(r"\b((?:[A-Z]\.){2,})")
# A word: letters/digits with inner apostrophes ("Kata'ib", "Washington's").
WORD = re.compile(r"\w+(?:['’ʼ`]\w+)*")
_APOSTROPHES = re.compile(r"['’ʼ`]")
_POSSESSIVE = re.compile(r"['’ʼ`]s$")
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
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_MD = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE
)
_DATE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_ALT})\b\.?(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Text with accents stripped and initialisms collapsed, ready for tokenizing."""
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return _INITIALISM.sub(lambda m: m.group(1).replace(".", ""), text)


def normalize_token(token: str) -> str:
    """The matching key of a token: lowercase, possessive dropped, apostrophes removed."""
    if token.isalnum():  # the common case, kept off the regex path for speed
        return token.lower()
    return _APOSTROPHES.sub("", _POSSESSIVE.sub("", token)).lower()


def term_counts(folded: str) -> tuple[Counter[str], set[str]]:
    """Counts of content terms in already-``fold``ed text, and which of them read as names.

    A term is a name when every occurrence in this text is capitalized: "Strike" opening a
    sentence is not a name if "strike" also appears, while "Mashtal" always is. This needs
    no word list of names and works for any story.
    """
    raw = Counter(WORD.findall(folded))
    counts: Counter[str] = Counter()
    lower_seen: set[str] = set()
    capital_seen: set[str] = set()
    for token, n in raw.items():
        key = normalize_token(token)
        if len(key) < 3 or key in STOPWORDS or key in MONTHS or key in WEEKDAYS or key.isdigit():
            continue
        counts[key] += n
        if token[0].isupper():
            capital_seen.add(key)
        else:
            lower_seen.add(key)
    return counts, capital_seen - lower_seen


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
    for month_name, day_s, year_s in _DATE_MD.findall(folded):
        _add_date(out, MONTHS[month_name.lower()], int(day_s), year_s, published)
    for day_s, month_name, year_s in _DATE_DM.findall(folded):
        _add_date(out, MONTHS[month_name.lower()], int(day_s), year_s, published)
    for name in {w.lower() for w in _WEEKDAY.findall(folded)}:
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
    elif published is not None:
        year = published.year - (1 if month > published.month + 1 else 0)
    else:
        year = None
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


_PLAIN_WORD = re.compile(r"\w+")


def shingle_words(body: str) -> list[str]:
    """The words reprint detection compares: folded, lowercase, quotes left out.

    Apostrophes simply split words here; both sides of a comparison split the same way.
    """
    return _PLAIN_WORD.findall(fold(_QUOTED.sub(" ", body)).lower())


def shingles(words: list[str], size: int = SHINGLE) -> set[int]:
    """Hashes of every run of ``size`` consecutive words.

    Python's string hash varies between processes, but these sets are only ever compared
    within one run, so the results (overlap sizes) do not.
    """
    if len(words) < size:
        return {hash(tuple(words))} if words else set()
    return {hash(t) for t in zip(*(words[i:] for i in range(size)), strict=False)}
