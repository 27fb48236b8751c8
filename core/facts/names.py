"""Person names: finding them, and deciding when two spellings are one person.

Outlets transliterate the same name differently (al-Fadhli / al-Fadli, Ahmad / Ahmed,
Qasim / Kasem, Khaleel / Khalil), so exact matching splits one person into several. Loose
matching is worse: it merges different people who share a surname form. The rule here is
that two names are the same person only when *every* part they both have agrees — the
surname by phonetic key and string similarity, and at least one given name or kunya the
same way — and that particles such as "Abu" and "Abd" must match exactly ("Abu Karim" and
"Abd Karim" are different names). A bare surname is never linked across outlets; inside
one article it is resolved to the full name it abbreviates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from .lexicon import (
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    ORG_CUES,
    PERSON_CUES_BEFORE,
    ROLE_WORDS,
    STOPWORDS,
    WEEKDAYS,
    fold_accents,
)

KEY_PARTICLES = frozenset({"abu", "abd", "abdul", "bin", "ibn", "bint", "umm", "ben", "bar"})
"""Particles that are part of a name's meaning: they must match exactly."""

_QUOTE_CHARS = "'‘’“”\"`ʿʾ"
_APOS = re.compile(r"(?<=\w)['’ʿʾ`](?=\w)")
_NICK_RE = re.compile(r"[‘“\"']([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2})[’”\"']")
_WORD = (r"(?:(?:al|el|Al|El|ul)-[A-Z][\w'’]*|[A-Z][a-z]+-[A-Z][a-z]+|[A-Z][a-z]*[’']?[a-zA-Z]+|(?:[A-Z]\.){1,3}"
         r"|(?![AI]\s)[A-Z](?=\s+[A-Z][a-z]))")
"""A name word; initials ("V.T. Ruiz"); a bare initial ("B Ruiz") only before a capitalised
word, and never "A" or "I"."""
_INITIALS = re.compile(r"(?!(?:U\.S|U\.K|U\.N|E\.U|D\.C|U\.A\.E)\.)(?:[A-Z]\.){1,3}")
"""Initials standing for given names ("V.T." of "V.T. Ruiz"); never a country's or a body's
("U.S.", "U.N.")."""
_PART = r"(?:al|el|bin|ibn|bint|abu|abd|de|da|di|del|van|von|der|den|du|la|le)"
RUN_RE = re.compile(
    rf"{_WORD}(?:(?:\s+|\s*[‘“\"'](?=[A-Z])|[’”\"'](?=\s)\s*)(?:{_WORD}|{_PART}(?=\s+[A-Z])))*"
    rf"(?:[’”\"'](?=\s+(?:{_WORD})))?(?:\s+{_WORD})*"
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, hyphens as spaces."""
    text = _APOS.sub("", fold_accents(text))
    text = "".join(" " if c in _QUOTE_CHARS else c for c in text)
    return re.sub(r"[\s-]+", " ", text).strip().lower()


_DIGRAPHS = [("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
             ("ck", "k"), ("x", "ks"), ("ch", "k"), ("q", "k"), ("c", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i")]


@lru_cache(maxsize=8192)
def phonetic_key(token: str) -> str:
    """A transliteration-tolerant key: consonant skeleton with the usual swaps collapsed.

    q/k/c, kh/k, gh/g, ph/f and doubled letters collapse; vowels (and y, w inside a word
    acting as one) drop after the first letter; a final h drops ("Abdullah" = "Abdulla").
    """
    w = fold(token).replace(" ", "")
    if not w:
        return ""
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    first, rest = w[0], w[1:]
    if first in "aeiouy":
        first = "a" if first in "aeiou" else "y"
    rest = rest.rstrip("h")
    rest = re.sub(r"[aeiouy]", "", rest)
    out = first + rest
    return re.sub(r"(.)\1+", r"\1", out)


@dataclass(frozen=True)
class Unit:
    """One part of a name: a token with the particle glued to it ("Abu Karim", "al-Fadli")."""

    particle: str
    token: str
    text: str
    nickname: bool = False

    @property
    def key(self) -> str:
        return phonetic_key(self.token)

    @property
    def show(self) -> str:
        """The unit as written, without surrounding quotes."""
        return self.text.strip(_QUOTE_CHARS + ",.;:")

    @property
    def folded(self) -> str:
        return fold(self.token)


@dataclass
class PersonName:
    """A parsed person mention: given parts, optional nickname, surname."""

    text: str
    start: int
    end: int
    units: list[Unit]

    @property
    def surname(self) -> Unit:
        plain = [u for u in self.units if not u.nickname]
        return plain[-1] if plain else self.units[-1]

    @property
    def given(self) -> list[Unit]:
        s = self.surname
        return [u for u in self.units if u is not s]

    @property
    def full(self) -> bool:
        return len(self.units) >= 2

    def form(self) -> tuple[str, ...]:
        """The spelling as comparable tokens: case, quotes, hyphens and "al-" style ignored."""
        return tuple(((u.particle + " ") if u.particle in KEY_PARTICLES else "") + u.folded
                     for u in self.units)


def parse_name(text: str, start: int = 0) -> PersonName | None:
    """Split a name into units, dropping leading titles; None when nothing name-like is left."""
    units: list[Unit] = []
    nick_spans = [(m.start(), m.end(), m.group(1)) for m in _NICK_RE.finditer(text)]
    pos = 0
    pending = ""
    pending_raw: list[str] = []
    pieces: list[tuple[str, bool]] = []
    for s, e, inner in nick_spans:
        pieces.extend((w, False) for w in text[pos:s].split())
        pieces.append((inner, True))
        pos = e
    pieces.extend((w, False) for w in text[pos:].split())
    lead = True
    for raw, nick in pieces:
        if nick:
            inner = raw.split()
            parts = [w.lower() for w in inner if w.lower() in NAME_PARTICLES]
            rest = [w for w in inner if w.lower() not in NAME_PARTICLES]
            if rest:
                units.append(Unit(" ".join(parts), " ".join(rest), raw, True))
            lead = False
            continue
        word = raw.strip(",.;:()" + _QUOTE_CHARS)
        if not word:
            continue
        low = word.lower().rstrip(".")
        if lead and low in HONORIFICS:
            continue
        lead = False
        if low in NAME_PARTICLES and "-" not in word:
            pending = (pending + " " + low).strip() if pending else low
            pending_raw.append(word)
            continue
        particle = pending
        raw = " ".join([*pending_raw, word])
        pending = ""
        pending_raw = []
        m = re.match(r"(?i)^(al|el|ul)-(.+)$", word)
        if m:
            particle = (particle + " " + m.group(1).lower()).strip()
            word = m.group(2)
        units.append(Unit(particle, word, raw))
    if pending and units:
        return None
    if not units:
        return None
    return PersonName(text, start, start + len(text), units)


_VOWEL_SWAPS = frozenset({frozenset("ae"), frozenset("ei"), frozenset("iy"), frozenset("ey"), frozenset("ou")})
"""Vowels transliterations swap for one sound (Mohammed/Muhammad, Qasim/Kasem, Yehia/Yahya);
a/u, a/i and i/u are not swapped, which keeps Hassan/Hussein and Rashid/Rashad apart."""


@lru_cache(maxsize=8192)
def _vowel_slots(token: str) -> tuple[str, ...]:
    """The vowel sound after each consonant of the phonetic skeleton ('' when none)."""
    w = fold(token).replace(" ", "")
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    rest = w[1:].rstrip("h")
    slots: list[str] = []
    prev = w[:1]
    cluster = ""
    for ch in rest:
        if ch in "aeiouy":
            cluster += ch
            continue
        if ch == prev and not cluster:
            continue
        slots.append(_vowel_of(cluster))
        cluster = ""
        prev = ch
    slots.append(_vowel_of(cluster))
    return tuple(slots)


def _vowel_of(cluster: str) -> str:
    """The sound of a vowel cluster: its last vowel, glides dropped ("ya" → a, "ia" → a)."""
    core = cluster.strip("y") if len(cluster) > 1 else cluster
    return core[-1:] if core else cluster[-1:]


@lru_cache(maxsize=16384)
def vowels_compatible(a: str, b: str) -> bool:
    """Whether two spellings with one consonant skeleton can be one name (see _VOWEL_SWAPS)."""
    for x, y in zip(_vowel_slots(a), _vowel_slots(b), strict=False):
        if x and y and x != y and frozenset((x, y)) not in _VOWEL_SWAPS:
            return False
    return True


def _norm_particle(p: str) -> str:
    """The meaningful part of a particle string: "abu al" → "abu", "al" → ""."""
    words = [_PARTICLE_ALIASES.get(w, w) for w in p.split()]
    return " ".join(w for w in words if w in KEY_PARTICLES)


_PARTICLE_ALIASES = {"abdul": "abd", "abdel": "abd", "abdal": "abd", "ibn": "bin", "ben": "bin"}
"""Spellings of one particle: "Abdul Karim" is "Abd al-Karim", "ibn" is "bin"."""


@lru_cache(maxsize=32768)
def unit_match(a: Unit, b: Unit) -> float:
    """Similarity in 0..1 of two name units, 0 when they cannot be the same name."""
    if _norm_particle(a.particle) != _norm_particle(b.particle):
        return 0.0
    fa, fb = a.folded, b.folded
    if fa == fb:
        return 1.0
    sim = ratio(fa, fb) / 100.0
    if not vowels_compatible(fa, fb):
        return 0.0
    if a.key == b.key and sim >= 0.6:
        return sim
    if sim >= 0.88 and Levenshtein.distance(fa, fb) <= 1 and min(len(fa), len(fb)) >= 5:
        return sim
    return 0.0


def same_person(a: PersonName, b: PersonName) -> tuple[bool, list[str]]:
    """Whether two full names are one person, with the reasons (variant pairs) when they are."""
    ok, reasons = _same_units(tuple(a.units), tuple(b.units))
    return ok, list(reasons)


@lru_cache(maxsize=16384)
def _same_units(ua: tuple[Unit, ...], ub: tuple[Unit, ...]) -> tuple[bool, tuple[str, ...]]:
    """``same_person`` on the units alone (names repeat across outlets, so this is cached)."""
    a, b = PersonName("", 0, 0, list(ua)), PersonName("", 0, 0, list(ub))
    if not (a.full and b.full):
        return (a.form() == b.form(), ())
    sa = unit_match(a.surname, b.surname)
    if sa == 0.0:
        return False, ()
    reasons: list[str] = []
    if sa < 1.0:
        reasons.append(_reason(a.surname, b.surname, sa))
    best = 0.0
    for ga in a.given:
        for gb in b.given:
            s = unit_match(ga, gb)
            if s > 0 and s < 1.0:
                reasons.append(_reason(ga, gb, s))
            best = max(best, s)
    if best == 0.0:
        return False, ()
    return True, tuple(reasons)


def _reason(a: Unit, b: Unit, sim: float) -> str:
    how = "same phonetic key" if a.key == b.key else "one letter apart"
    return f"{a.show} ~ {b.show}: transliteration variant (similarity {sim:.2f}, {how})"


_NON_NAME = frozenset(w.capitalize() for w in STOPWORDS) | {m.capitalize() for m in MONTHS} | {
    d.capitalize() for d in WEEKDAYS
}


_TITLE_CUT = HONORIFICS | ROLE_WORDS
"""Title and role words that end a capitalised title run before a name: what precedes the
last of them is the title ("Deputy Fire Chief Ana Ruiz" names Ana Ruiz)."""

_WORD_RUN = re.compile(r"[a-z]+")
_ROLE_AFTER = re.compile(r"\s*,\s*(?:a|an|the|who|its|his|her)?\s*(?:[a-z’'-]+\s+){0,3}"
                         rf"(?:{'|'.join(sorted(ROLE_WORDS))})\b")
_POST_AFTER = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:(?![a-z]+ing\b|its\b|his\b|her\b|their\b)[a-z-]+\s+){0,2}"
                         rf"(?:{'|'.join(sorted(ROLE_WORDS))})\s+(?:of|for|at|with|in)\b")
"""A post in commas right after a name, with its body ("X, director of the agency")."""
_SAID_AFTER = re.compile(r"\s*(?:said|says|told|added|wrote|stated|insisted|warned)\b")
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:who|whose|\d{1,3}\s*,|aged\s+\d)")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")
_ROLE_BEFORE = re.compile(r"(?:spokes\w+|commander|leader|minister|secretary|official)\s*,\s*$")
"""``person_cue``'s patterns, compiled once: it runs for every candidate name of a story."""


def role_next_to(sentence: str, start: int, end: int) -> bool:
    """Whether a title or role stands right before the name ("Police Commissioner X") or
    follows it in commas ("X, director of the agency,"): the surest signs of a person,
    stronger than the extractor reading the span as a place or an organisation."""
    words_before = _WORD_RUN.findall(sentence[max(0, start - 30):start].lower())
    if words_before and (words_before[-1] in ROLE_WORDS or words_before[-1] in HONORIFICS):
        return True
    return _POST_AFTER.match(sentence, end) is not None


def person_cue(sentence: str, s: int, e: int, name: PersonName) -> bool:
    before = sentence[max(0, s - 45):s].lower()
    after = sentence[e:e + 40].lower()
    if any(u.particle for u in name.units) and name.full:
        return True
    if any(u.nickname for u in name.units):
        return True
    words_before = _WORD_RUN.findall(before)
    if words_before and (words_before[-1] in ROLE_WORDS or words_before[-1] in HONORIFICS):
        return True
    if before.rstrip(" ,").endswith(PERSON_CUES_BEFORE):
        return True
    if _ROLE_AFTER.match(after):
        return True
    if name.full and _SAID_AFTER.match(after):
        return True
    if name.full and _APPOSITION_AFTER.match(after):
        return True  # "X, who ...", "X, 34, ..."
    if name.full and _AGE_BEFORE.search(before):
        return True  # "the 34-year-old X"
    return bool(_ROLE_BEFORE.search(before))


def name_like(text: str, start: int = 0) -> PersonName | None:
    """``text`` parsed as a person's name, or None when it cannot be one: an organisation word
    ("Command", "Foods"), an acronym, a month or stopword, a lower-case part. Leading titles
    are cut from the returned text ("Prime Minister X" → "X")."""
    found = _name_like(text)
    if found is None:
        return None
    cut, units = found
    text, start = text[cut:], start + cut
    return PersonName(text, start, start + len(text), list(units))


@lru_cache(maxsize=8192)
def _name_like(text: str) -> tuple[int, tuple[Unit, ...]] | None:
    """``name_like`` without offsets: where the name starts in ``text`` and its units (cached,
    as one name recurs in every article of a story)."""
    words = text.split()
    if any(w.lower().strip(",.") in ORG_CUES for w in words):
        return None
    if any(w.strip(".,").isupper() and len(w.strip(".,")) > 1 and not _INITIALS.fullmatch(w) for w in words):
        return None  # an acronym ("NATO"), not initials ("V.T.")
    name = parse_name(text)
    if name is None:
        return None
    cut = text.find(name.units[0].text.split()[0]) if not name.units[0].nickname else 0
    if any(u.token in _NON_NAME or not u.token[:1].isupper() for u in name.units if not u.nickname):
        return None
    return max(cut, 0), tuple(name.units)


def find_people(sentence: str) -> list[PersonName]:
    """Person names in a sentence (see ``_find_people``); cached, as wire copies repeat."""
    return list(_find_people(sentence))


@lru_cache(maxsize=4096)
def _find_people(sentence: str) -> tuple[PersonName, ...]:
    """Person names in a sentence, each with offsets into it.

    A capitalised run counts as a person only with some evidence of being one: a name
    particle, a quoted kunya, a title or role word next to it, or a verb of saying after a
    two-part name. Runs ending in an organisation word ("Central Command") are skipped.
    """
    out: list[PersonName] = []
    for m in RUN_RE.finditer(sentence):
        text = m.group().rstrip(_QUOTE_CHARS + " ")
        if text.endswith(("’s", "'s")):
            text = text[:-2]
        s = m.start()
        words = text.split()
        # drop leading sentence-start words that are not names ("The", "Former")
        while words and (words[0] in _NON_NAME or (words[0].isupper() and len(words[0]) > 1
                                                     and not (_INITIALS.fullmatch(words[0]) and len(words) == 2))):
            s = sentence.index(words[0], s) + len(words[0])
            while s < len(sentence) and sentence[s] == " ":
                s += 1
            words = words[1:]
        # cut a capitalised title run ahead of the name ("Fire Chief", "Police Commissioner")
        last_title = max((i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in _TITLE_CUT), default=-1)
        for w in words[:last_title + 1]:
            s = sentence.index(w, s) + len(w)
            while s < len(sentence) and sentence[s] == " ":
                s += 1
        words = words[last_title + 1:]
        if not words:
            continue
        text = sentence[s:s + len(text) - (s - m.start())] if s > m.start() else text
        text = text.rstrip(_QUOTE_CHARS + " ")
        name = name_like(text, s)
        if name is not None and person_cue(sentence, name.start, name.end, name):
            out.append(name)
    return tuple(out)
