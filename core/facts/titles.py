"""A person's title as each outlet gives it: "Lt. Governor Ana Ruiz" against "Governor Ana Ruiz",
"Major General" against "Lieutenant General".

Outlets that agree on a name often disagree on the rank in front of it, and the rank is a
checkable fact: a lieutenant governor is not the governor. Each outlet's title is the run of
title words right before the person's given name at its first mention that has one (the
first reference carries the full title in newswire style). Two titles conflict when they
name the same office (the same head word, "governor") with different rank words ("lieutenant",
"deputy", "vice", "acting", "former", "major", "brigadier"...). Different offices ("professor"
and "doctor") are not compared: one person holds several.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import HONORIFICS, ROLE_WORDS, _words, fold_accents
from .names import fold
from .observe import Sentence
from .people import PersonSlot
from .spellings import variant

_ABBREVIATIONS = {
    "lt": "lieutenant", "gen": "general", "maj": "major", "col": "colonel", "brig": "brigadier",
    "capt": "captain", "sgt": "sergeant", "adm": "admiral", "cmdr": "commander", "gov": "governor",
    "sen": "senator", "rep": "representative", "pres": "president", "dep": "deputy", "prof": "professor",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "lieut": "lieutenant", "ceo": "chief-executive",
}
RANK_WORDS = _words(
    """lieutenant major brigadier deputy vice acting interim former assistant prime chief senior
    first second lance staff master associate junior additional joint"""
)
"""Words that change which office a title names ("lieutenant governor", "deputy minister")."""
OFFICE_WORDS = _words(
    """police fire army navy military defence defense interior foreign finance health justice
    transport transportation energy education district county regional provincial city federal
    emergency aviation railway railways environment agriculture trade economy information
    security intelligence labour labor home cabinet revenue forest forests tourism culture sport sports
    water fisheries mines mining planning housing industry commerce science technology works
    education communications tax customs immigration prisons"""
)
"""Words that say which office of its kind a title names ("police chief", "interior
minister"): kept in the title, so "fire chief" and "police chief" differ."""
_OFFICE_SPELLING = {"railways": "railway", "defense": "defence", "labor": "labour", "transportation": "transport"}
_CHIEF_OF = frozenset({"deputy", "assistant", "acting", "interim", "former"})
_POSTS = frozenset({"minister", "secretary", "undersecretary", "spokesperson", "director", "commissioner",
                    "chief", "head", "superintendent", "inspector", "commander", "mayor", "governor",
                    "judge", "sheriff", "coordinator", "administrator", "manager", "inspector-general",
                    "agent-in-charge", "secretary-general", "attorney-general", "chief-executive"})
"""Posts of a department: the same department's word with two of them is two offices."""
_TEMPORAL_RANKS = frozenset({"former", "acting", "interim", "outgoing"})
"""Ranks that may stand before the place a post belongs to ("Former Gujarat chief minister")."""
_LEADS = frozenset({"chief", "head", "director", "leader", "boss"})
"""One post written several ways: "chief of the fire station", "head of the fire station",
"the FSB director" and "head of the Federal Security Service" name who runs a body."""
_TITLE_WORDS = frozenset(HONORIFICS | ROLE_WORDS | RANK_WORDS | set(_ABBREVIATIONS)
                         | {"colonel", "captain", "sergeant", "admiral", "commander", "representative",
                            "general", "lieutenant", "governor", "minister", "secretary", "undersecretary",
                            "sheriff", "coordinator", "administrator"})
_TOKEN = re.compile(r"[^\W\d_]+\.?")


@dataclass
class Titled:
    """One outlet's title for a person: the words as written and where they are."""

    slot: PersonSlot
    sent: Sentence
    start: int
    end: int
    written: str
    words: tuple[str, ...]
    """Normalized title words ("lieutenant", "governor")."""
    body: frozenset[str] = frozenset()
    """Words naming the body the post is in, when the outlet says ("coast", "guard" of "Coast
    guard spokesman X" or of "X, the head of the Hellenic Coast Guard")."""
    body_named: bool = False
    """The body is named for certain: after the post ("head of the Coast Guard", "Valmora's
    mayor") or as an acronym right before it ("NDMA spokesman"), not just the words before."""

    @property
    def head(self) -> str:
        if self.words[-2:] == ("cabinet", "secretary"):
            return "minister"  # "Interior Cabinet Secretary": a minister, as Kenya names them
        return self.words[-1]

    @property
    def ranks(self) -> frozenset[str]:
        """The rank words, "vice" read as "deputy" (a vice mayor is the deputy mayor)."""
        return frozenset("deputy" if w == "vice" else w for w in self.words[:-1] if w in RANK_WORDS)

    @property
    def offices(self) -> frozenset[str]:
        """The office words, spelt one way ("railways" and "railway", "defence" and "defense");
        a sheriff's office is the police."""
        if self.head == "sheriff":
            return frozenset({"police"})
        return frozenset(w for w in _offices_in(self.words[:-1]) if w != "cabinet")


def _offices_in(words: Iterable[str]) -> list[str]:
    """The office words among ``words``, spelt one way ("railways" as "railway")."""
    return [_OFFICE_SPELLING.get(w, w) for w in words if w in OFFICE_WORDS]


def _norm(token: str) -> str:
    low = token.lower().rstrip(".")
    return _ABBREVIATIONS.get(low, low)


_COMPOUND_POSTS = {("inspector", "general"): "inspector-general", ("secretary", "general"): "secretary-general",
                   ("attorney", "general"): "attorney-general", ("director", "general"): "director",
                   ("surgeon", "general"): "surgeon-general", ("chief", "executive"): "chief-executive"}
"""Posts written in two words whose second is no head of its own: a deputy inspector general is
a deputy of the inspector general, not a general; a director general is the director."""


def _compound(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with a two-word post made one ("deputy", "inspector-general")."""
    for pair, post in _COMPOUND_POSTS.items():
        if words[-2:] == pair:
            return (*words[:-2], post)
    return words


_DEPARTMENT_WORDS = OFFICE_WORDS | _words(
    """civil protection aviation affairs management risk development rescue relief disaster
    public urban rural physical internal national social welfare women children youth
    infrastructure highways roads ports shipping"""
)
"""Words of a department's name; a given name is none of them ("for Civil Protection Ana Ruiz")."""
_NOT_DEPARTMENT = "(?!(?:" + "|".join(sorted(_DEPARTMENT_WORDS)) + r")\b)"
_POST_FOR = re.compile(
    r"(?:\b(?P<rank>Deputy|Vice|Assistant|Junior|Acting|Interim|Former|Senior)\s+)?\b"
    r"(?P<post>Minister|Secretary|Undersecretary|Director|Commissioner)(?P<state>\s+of\s+State)?"
    r"\s+(?:for|of)\s+(?P<dept>[A-Z][\w'’-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w'’-]*){0,5}?)"
    rf"\s+(?P<given>(?:{_NOT_DEPARTMENT.replace('(?:', '(?i:', 1)}[A-Z][\w'’.-]*\s+){{1,3}})$"
)
"""A post with its department written after it, right before the name: "Minister of State for
Civil Aviation Ana Ruiz", "Deputy Minister for Civil Protection Ana Ruiz"."""


_POST_OF_LOWER = re.compile(
    r"\b(?P<post>director|head|chief|manager|secretary|minister|commissioner)\s+(?:of|for)\s+"
    r"(?P<dept>[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,2})\s+(?P<given>(?:[A-Z][\w'’.-]*\s+){1,3})$")
"""The same in lower case, as newswire writes a company's posts: "Valmora Air director of
operations Ana Ruiz"."""


_IN_CHARGE = re.compile(
    r"(?i:\b(?:(?P<rank>assistant|deputy|acting)\s+)?(?P<post>(?:special\s+)?agent\s+in\s+charge))"
    r"\s+(?:(?:of|at)\s+[^,]{0,60}?\s+)?(?P<given>(?:[A-Z][\w'’.-]*\s+){1,3})$")
"""The FBI's "(assistant) special agent in charge X": one post, its rank in front."""


def _post_for(text: str, at: int) -> tuple[int, int, tuple[str, ...]] | None:
    """(start, end, words) of a post written with its department after it, right before the
    given names: "Minister for X", "director of operations X", "special agent in charge X"."""
    m = _POST_FOR.search(text, max(0, at - 160), at) or _POST_OF_LOWER.search(text, max(0, at - 160), at)
    if m is None and (m := _IN_CHARGE.search(text, max(0, at - 160), at)) is not None:
        rank = (m.group("rank") or "").lower()
        return m.start(), m.end("post"), ((rank,) if rank else ()) + ("agent-in-charge",)
    if m is None:
        return None
    if m.re is _POST_OF_LOWER:
        return m.start(), m.end("dept"), (*_offices_in(m.group("dept").split()), m.group("post"))
    words = [_norm(w) for w in (m.group("rank"), m.group("post")) if w]
    if m.group("state"):
        words.insert(len(words) - 1, "junior")  # a minister of state: a junior minister
    words[-1:-1] = _offices_in(_words(m.group("dept").lower()))
    return m.start(), m.end("dept"), tuple(words)


_RANK_APART = re.compile(r"\b(deputy|assistant|acting|interim|associate)\s+(?:[a-z]+\s+){1,3}$")
"""A rank a few lower-case words before the post it qualifies ("deputy emergency management
director", "assistant special agent")."""
_NOT_DEPARTMENT_WORDS = frozenset({"the", "a", "an", "and", "in", "on", "at", "said", "says", "told", "when", "as",
                                   "by", "but", "while", "after", "before", "according"})
"""Capitalised words before a title that begin a sentence or clause, never a department's name."""


def title_before(text: str, name_start: int, name_text: str, surname: str) -> tuple[int, int, tuple[str, ...]] | None:
    """(start, end, words) of the title run before a name mention, or None: walking back
    from ``surname``, past the given names (up to four capitalised words that are not
    titles), then over title words ("Hawaii Lt. Gov. Ana Ruiz" gives hawaii, lieutenant,
    governor: the capitalised words before the post name its place or department)."""
    at = text.rfind(surname, name_start, name_start + len(name_text))
    if at < 0:
        return None
    found = _post_for(text, at)
    if found is not None:
        return found
    toks = list(_TOKEN.finditer(text, max(0, at - 80), at))
    words: list[str] = []
    start = end = at
    given = dept = 0
    for k in range(len(toks) - 1, -1, -1):
        m = toks[k]
        w = _norm(m.group())
        if w in _TITLE_WORDS or (words and w in OFFICE_WORDS):
            words.insert(0, w)
            if len(words) == 1:
                end = m.end()
            start = m.start()
            continue
        if words and m.group() == "s" and text[m.start() - 1:m.start()] in ("'", "’"):
            continue  # "Sanhe's Communist Party secretary": the owner comes next
        if words and m.group()[0].isupper() and dept < 3 and text[m.end():start].strip() in ("", "'s", "’s") \
                and w not in _NOT_DEPARTMENT_WORDS and not _ACRONYM.fullmatch(m.group()):
            words.insert(0, w)  # "Territorial Policy Minister": the department's name
            start = m.start()
            dept += 1
            continue
        if words or given >= 4 or not m.group()[0].isupper():
            break
        given += 1
    if not words or not given:
        return None
    if (rank := _RANK_APART.search(text, max(0, start - 60), start)) is not None:
        words.insert(0, rank.group(1).lower())  # "deputy emergency management director": a deputy director
        start = rank.start(1)
    while len(words) > 1 and words[-1] in RANK_WORDS and words[-1] != "general" \
            and not (words[-1] == "chief" and words[-2] in OFFICE_WORDS | _CHIEF_OF):
        words.pop()  # "Lieutenant" alone at the end is no office ("police chief" is one)
    while words and words[0] in OFFICE_WORDS and len(words) > 1 and words[0] == words[-1]:
        words.pop(0)
    return start, end, _compound(tuple(words))


_ROLE_HEADS = (r"(?:spokesman|spokeswoman|spokesperson|director[- ]general|inspector[- ]general|secretary[- ]general|"
               r"attorney[- ]general|chief\s+executive|agent\s+in\s+charge|director|head|chief|minister|secretary|"
               r"undersecretary|commander|commissioner|chairman|chairwoman|chair|superintendent|inspector|"
               r"coordinator|administrator|officer|governor|mayor|sheriff)")
_APPOSITIVE = re.compile(
    rf"\s*,\s*(?:the\s+|a\s+|an\s+)?(?P<role>(?:[a-z]+\s+){{0,3}}?{_ROLE_HEADS})\s+(?:of|for|at|with)\s+(?:the\s+)?"
    r"(?P<body>[A-Za-z][\w’'-]*(?:\s+(?:[A-Za-z][\w’'-]*|of|for|and)){0,5})")
"""A post after the name, in commas: "Ana Ruiz, spokesman for the Civil Aviation Authority,"."""
_POSSESSIVE = re.compile(
    rf"\s*,\s*(?:the\s+)?(?P<body>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})[’']s\s+"
    rf"(?P<role>(?:[a-z]+\s+){{0,3}}?{_ROLE_HEADS})\b")
"""A post after the name, owned by a place or body: "Ana Ruiz, Valmora's civil defence coordinator,"."""
_CAPITALISED = re.compile(
    rf"\s*,\s*(?:the\s+)?(?P<body>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}?)\s+"
    rf"(?P<role>(?:[A-Z][a-z]+\s+){{0,2}}?(?i:{_ROLE_HEADS}))(?=\s*,|\s+said\b)")
"""A capitalised post after the name, its place first: "Ana Ruiz, Valmora Airport Fire Chief, said"."""
_ACRONYM = re.compile(r"[A-Z]{2,8}")
"""An agency's initials ("NDMA"), naming the body of the post written after them."""
_BODY_STOP = frozenset({"of", "for", "and", "the", "said", "told", "says", "state", "national"})


def _body_words(text: str) -> frozenset[str]:
    """The content words naming a body ("Hellenic Coast Guard" -> hellenic, coast, guard)."""
    return frozenset(fold_accents(w.lower().rstrip("’'s")) for w in re.findall(r"[^\W\d_][\w’'-]*", text)
                     if w.lower() not in _BODY_STOP and len(w) > 2)


def _appositive(text: str, name_end: int) -> tuple[int, int, tuple[str, ...], frozenset[str]] | None:
    """(start, end, words, body) of a post written after the name, or None."""
    m = _APPOSITIVE.match(text, name_end) or _POSSESSIVE.match(text, name_end) or _CAPITALISED.match(text, name_end)
    if m is None:
        return None
    words = tuple(_norm(w) for w in re.split(r"[\s-]+", m.group("role")) if w)
    if m.re is _CAPITALISED:  # "Valmora Airport Fire Chief": the place's words are its body
        words = tuple(w for w in words if w in _TITLE_WORDS or w in OFFICE_WORDS)
    words = _compound(words)
    if words[-3:] == ("agent", "in", "charge"):  # "the assistant special agent in charge of ..."
        words = (*(w for w in words[:-3] if w in RANK_WORDS), "agent-in-charge")
    start, end = min(m.start("role"), m.start("body")), max(m.end("role"), m.end("body"))
    return start, end, words, _body_words(m.group("body"))


def _spelt_apart(slots: list[PersonSlot]) -> list[PersonSlot]:
    """``slots`` with those of one person whose surname outlets spell two ways ("Ana
    Vitkauskas" / "Ana Vitkauskis", the same given names) joined: the spelling is a contest
    of its own, and the title each outlet gives is still one person's."""
    by_given: dict[str, list[int]] = {}
    for k, slot in enumerate(slots):
        units = slot.entities[0].best.units
        if len(units) >= 2:
            by_given.setdefault(" ".join(fold(u.token) for u in units[:-1]), []).append(k)
    host: dict[int, int] = {}
    for group in by_given.values():
        for n, i in enumerate(group):
            for j in group[n + 1:]:
                si, sj = (fold(slots[x].entities[0].best.surname.show) for x in (i, j))
                if j not in host and si != sj and variant(si, sj):
                    host[j] = host.get(i, i)
    if not host:
        return slots
    kept = {k: PersonSlot(list(slot.entities), list(slot.reasons)) if k in host.values() else slot
            for k, slot in enumerate(slots) if k not in host}
    for k, h in host.items():
        kept[h].entities.extend(slots[k].entities)
    return [kept[k] for k in sorted(kept)]


def title_slots(slots: list[PersonSlot]) -> list[tuple[PersonSlot, list[Titled]]]:
    """For each person named by two or more independent outlets, each outlet's first title."""
    out = []
    for slot in _spelt_apart(slots):
        if len({e.root for e in slot.entities}) < 2:
            continue
        titled: list[Titled] = []
        for ent in slot.entities:
            first = None
            surname = ent.best.surname.show
            for m in sorted(ent.names, key=lambda m: (m.sent.index, m.name.start)):
                found = title_before(m.sent.text, m.name.start, m.name.text, surname)
                if found is not None:
                    s, e, words = found
                    before = m.sent.text[max(0, s - 40):s].split()[-3:]
                    acronym = bool(before) and _ACRONYM.fullmatch(before[-1]) is not None
                    # "Kerrville Mayor": the place written with the post is its body; else the words before
                    body = frozenset({before[-1].lower()}) if acronym else (
                        _department(words) or _body_words(" ".join(before)))
                    first = Titled(slot, m.sent, s, e, m.sent.text[s:e], words, body, acronym)
                    break
                after = _appositive(m.sent.text, m.name.end)
                if after is not None:
                    s, e, words, body = after
                    first = Titled(slot, m.sent, s, e, m.sent.text[s:e], words, body, True)
                    break
            if first is not None:
                titled.append(first)
        if len({t.sent.root for t in titled}) >= 2:
            out.append((slot, titled))
    return out


def _top_post(t: Titled) -> str | None:
    """The head of state's or government's post a title names ("president", "prime
    minister", "chancellor"), or None: one person leads a country in one of them."""
    if (t.head == "minister" and "prime" in t.words) or (t.head == "premier" and not t.offices and not t.body):
        return "prime minister"  # a premier heads a government, as a prime minister does
    if t.head in ("president", "chancellor") and not t.offices and "vice" not in t.words \
            and not t.body:
        return t.head
    return None


_MILITARY = frozenset({"general", "major", "brigadier", "colonel", "lieutenant", "captain", "commodore", "admiral",
                       "rear", "vice", "sergeant", "marshal", "corporal", "private", "commander"})
"""Words of military ranks: two titles made of them alone name two ranks when they differ."""


def _department(words: tuple[str, ...]) -> frozenset[str]:
    """The capitalised words naming a post's department or place ("kerrville" of "Kerrville
    Mayor", "territorial", "policy" of "Territorial Policy Minister")."""
    return _body_words(" ".join(w for w in words[:-1] if w not in _TITLE_WORDS and w not in OFFICE_WORDS))


def _other_body(a: Titled, b: Titled) -> bool:
    """``a`` names its office ("police") and ``b`` names a body without it: two bodies."""
    return bool(a.offices) and not b.offices and b.body_named and bool(b.body) \
        and not b.body & (a.offices | a.body)


def conflicting(a: Titled, b: Titled) -> bool:
    """Two titles of one kind of office with different ranks ("lieutenant governor" /
    "governor") or naming different offices ("interior minister" / "defence minister"; a
    title without such a word, "minister", may be either, and "regional police chief" is
    a "police chief" said more exactly)."""
    oa, ob = a.offices, b.offices
    ta, tb = _top_post(a), _top_post(b)
    if ta and tb and ta != tb:
        return True  # "Acting President Choi" / "Acting prime minister Choi": head of state or government
    if (a.head == b.head or (a.head in _LEADS and b.head in _LEADS)) and (_other_body(a, b) or _other_body(b, a)):
        return True  # "police spokesman" / "NDMA spokesman"; "police chief" / "head of the civil defence"
    if set(a.words) <= _MILITARY and set(b.words) <= _MILITARY:
        # "Major General" / "Brigadier": two ranks ("General" alone may be either general)
        return not (set(a.words) <= set(b.words) or set(b.words) <= set(a.words))
    if {a.head, b.head} == {"chief", "chief-executive"} and not (oa or ob):
        return False  # "the company's chief" is its chief executive
    if a.head != b.head and not (a.head in _LEADS and b.head in _LEADS):
        # one department's or one body's posts ("interior minister" / "interior
        # undersecretary"; "coast guard spokesman" / "the head of the Hellenic Coast Guard"):
        # one person holds one of them
        same_body = bool(oa & ob) or len(a.body & b.body) >= 2 or (len(a.body & b.body) == 1 and min(
            len(a.body), len(b.body)) == 1)
        # two departments' posts ("fire chief" / "environment minister"): two offices
        other_department = bool(oa and ob and not oa & ob)
        return (same_body or other_department) and a.head in _POSTS and b.head in _POSTS
    return a.ranks != b.ranks or bool(oa and ob and not (oa <= ob or ob <= oa))
