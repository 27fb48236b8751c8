"""Proper nouns spelt differently by different outlets: "Valmora" / "Valmorra", a minister's
surname with one letter changed, a town transliterated two ways.

The person engine (``people``) lines up full names; many spellings it cannot reach stand
alone: places, a surname written without the given name, a name whose vowels a
transliteration changed. An editor notices them because the two spellings are nearly the
same word, each outlet sticks to one of them, and both are words no dictionary has. So a
variant pair here is two capitalised words that

- are only ever written capitalised in the story (a proper noun, not "These"/"There"),
- are one or two edits apart (or share a consonant skeleton), at least five letters long,
  and not a word and its derivative ("Russia"/"Russian", "Kenya"/"Kenyans"),
- and are not both used by one article (one writer spells one name one way; two similar
  words in one article are two names, as "Austria" and "Australia"), save a one-letter slip
  in a long name that the other outlets do not share.

Shared context is not asked for: outlets often name a town once, in unrelated sentences
(a photo caption, a list of places hit), and the tests above already keep apart the near
words a story really holds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract_iter

from .lexicon import HONORIFICS, MONTHS, ORG_CUES, ROLE_WORDS, STOPWORDS, WEEKDAYS, _words
from .names import fold, phonetic_key
from .observe import Sentence

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAP_WORD = re.compile(rf"(?<![\w'’-])([{_UPPER}][^\W\d_{_UPPER}]+(?:[{_UPPER}][^\W\d_{_UPPER}]+)?)(?![\w’'-]*\w)")
"""A capitalised word, in any Latin script ("Gmünd", "Łódź", "McCarthy")."""

_ANY_WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 5
MAX_WORDS = 4000
"""Proper nouns compared per story at most (a real story names a few hundred; hostile text
could name hundreds of thousands, and the comparison is pairwise within a length band)."""
DERIVED_SUFFIXES = ("n", "an", "ian", "ans", "ians", "ese", "i", "is", "s", "es", "ern", "ish", "ic", "ite",
                    "ites", "ns", "ia", "ed", "y", "er", "ers", "al", "ain", "on", "ons")
"""Endings that turn a proper noun into another word ("Russia" → "Russian", "Nepal" → "Nepali",
"Germany" → "German", "Britain" → "Briton") or a capitalized word into its kin ("Works" /
"Workers")."""
_UMLAUT_SPELT = re.compile(r"(?<=[aou])e")
"""German umlauts written out: "Gmuend" is "Gmünd", "Schaeffer" is "Schäffer"."""


@dataclass
class Spelling:
    """One outlet's use of one spelling: where it is written."""

    word: str
    sent: Sentence
    start: int
    end: int


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_OFFICE_WORDS = frozenset(HONORIFICS) | frozenset(ROLE_WORDS) | frozenset(ORG_CUES) | {"ministry", "ministries"}
"""Words capitalised only inside titles and names of bodies ("Prime Minister", "the Ministry
of Health"): common words, never one name spelt two ways ("Minister" / "Ministry")."""


def _stems(word: str) -> set[str]:
    return {word} | {word[: -len(x)] for x in DERIVED_SUFFIXES if word.endswith(x) and len(word) - len(x) >= 4}


_VOWELS = "aeiou"
_OUR_WORDS = _words(
    """labour harbour honour colour neighbour favour behaviour vapour rumour armour flavour humour
    savour valour vigour endeavour parlour odour tumour clamour glamour rancour splendour candour
    fervour ardour saviour"""
)
"""English words spelt "-our" in Britain and "-or" in America; a name's "-our" is its own
("Mansour" / "Mansor" may be two spellings)."""
_BRITISH_AMERICAN = (("tre", "ter"), ("ogue", "og"), ("lled", "led"), ("lling", "ling"),
                     ("ise", "ize"), ("ised", "ized"), ("isation", "ization"), ("yse", "yze"), ("ence", "ense"))
"""Word endings that differ between British and American papers ("Labour" / "Labor",
"Centre" / "Center", "travelled" / "traveled"): one word either way. Only at the end: a
name's middle is its own ("Mansour" / "Mansor" may be two spellings)."""


def _derived(a: str, b: str) -> bool:
    """One word derived from the other, or both from one stem ("Nepalese" / "Nepalis"), or
    the two differ only in their final vowels ("Argentine" / "Argentina", "Independence" /
    "Independencia": a name and its translation), or in a British or American spelling."""
    ra, rb = a.rstrip(_VOWELS), b.rstrip(_VOWELS)
    if ra == rb and len(ra) >= 6 and len(a) > len(ra) and len(b) > len(rb):
        return True
    if (a in _OUR_WORDS and b == a[:-3] + "or") or (b in _OUR_WORDS and a == b[:-3] + "or"):
        return True
    if any((a.endswith(uk) and b == a[:-len(uk)] + us) or (b.endswith(uk) and a == b[:-len(uk)] + us)
           for uk, us in _BRITISH_AMERICAN):
        return True
    return bool(_stems(a) & _stems(b))


def variant(a: str, b: str) -> bool:
    """Whether two proper nouns (folded) may be one name spelt two ways."""
    if a == b or min(len(a), len(b)) < MIN_LETTERS or _derived(a, b):
        return False
    if _UMLAUT_SPELT.sub("", a) == b or _UMLAUT_SPELT.sub("", b) == a:
        return False  # "Gmuend" and "Gmünd" (folded "gmund"): one spelling, the umlaut written out
    if a[0] != b[0]:
        return False
    dist = Levenshtein.distance(a, b)
    if dist <= 1:
        return True
    if dist == 2:
        # two edits in a short word make another word ("Sarah" / "Sharjah", "Georgia" /
        # "Giorgi"); in a long one, or with the same sound, a transliteration ("Khalil" /
        # "Khaleel")
        sim = 1.0 - dist / max(len(a), len(b))
        if min(len(a), len(b)) >= 7 and sim >= 0.7:
            return True
        return phonetic_key(a) == phonetic_key(b) and abs(len(a) - len(b)) <= 1 and a[-1] == b[-1]
    return False


def _slip(a: str, b: str, articles: dict[str, set[str]], uses: dict[str, list[Spelling]]) -> bool:
    """An article that writes both spellings: a one-letter variant of a long name that other
    outlets do not share, written at least twice ("Valmorra" twice beside "Valmora"; a single
    "Edinburh" in an article that writes "Edinburgh" elsewhere is a typo, not a spelling)."""
    if Levenshtein.distance(a, b) != 1 or min(len(a), len(b)) < 6 or len(articles[a] ^ articles[b]) < 2:
        return False
    rare = a if articles[a] <= articles[b] else b
    return len(uses[rare]) >= 2


def spelling_groups(sentences: list[Sentence], taken: set[str]) -> list[dict[str, list[Spelling]]]:
    """Groups of variant spellings (folded word → its uses) across outlets, each used by two or
    more independent outlets between its spellings. ``taken``: folded words already reported
    by the person engine, left to it."""
    uses: dict[str, list[Spelling]] = defaultdict(list)
    lower_seen: set[str] = set()
    for sent in sentences:
        text = sent.text
        lower_seen.update(w for w in _ANY_WORD.findall(text) if w.islower())
        for m in _CAP_WORD.finditer(text):
            word = m.group(1)
            low = word.lower()
            if low in STOPWORDS or low in _CALENDAR or low in _OFFICE_WORDS or len(word) < MIN_LETTERS:
                continue
            uses[fold(word)].append(Spelling(word, sent, m.start(1), m.end(1)))
    words = sorted(w for w in uses if w not in lower_seen and w not in taken
                   and any(u.start > 0 for u in uses[w]))
    if len(words) > MAX_WORDS:  # hostile text: keep the names the story uses most
        words = sorted(sorted(words, key=lambda w: -len(uses[w]))[:MAX_WORDS])
    articles = {w: {u.sent.article for u in uses[w]} for w in words}
    by_start: dict[tuple[str, int], list[str]] = defaultdict(list)
    for w in words:
        by_start[w[0], len(w)].append(w)
    parent = {w: w for w in words}

    def find(w: str) -> str:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    for (first, size), group in by_start.items():
        # variants differ by two edits at most, so their lengths by two at most; the edit
        # distances of a band are computed at once (in C), the finer tests only where it is small
        near = [w for d in (0, 1, 2) for w in by_start.get((first, size + d), ())]
        for a in group:
            for b, _d, _j in extract_iter(a, near, scorer=Levenshtein.distance, score_cutoff=2):
                if (a < b or size != len(b)) and a != b and variant(a, b) \
                        and not (articles[a] & articles[b] and not _slip(a, b, articles, uses)):
                    parent[find(a)] = find(b)
    comps: dict[str, list[str]] = defaultdict(list)
    for w in words:
        comps[find(w)].append(w)
    out = []
    for members in comps.values():
        if len(members) < 2:
            continue
        roots = {u.sent.root for w in members for u in uses[w]}
        if len(roots) < 2:
            continue
        out.append({w: uses[w] for w in sorted(members, key=lambda w: (-len(uses[w]), w))})
    return out
