"""Whether the suspect is at large, in custody or dead.

In the first hours after an attack outlets disagree on this more than on anything else: one
relays a report that "a suspect was taken into custody", the wire still says "the gunman
remains at large". An editor must see that at once. This module reads, in each outlet, the
first sentence that names a suspect (suspect, gunman, shooter, attacker, …) together with a
status phrase, and lines the statuses up across outlets: different statuses contest.

Only definite status phrases count ("remains at large", "was arrested", "shot dead by
police"): "police are investigating" says nothing about custody. A sentence that reports an
arrest of people other than the suspect ("two men were detained for questioning") names no
suspect noun and is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .observe import Sentence
from .phrased import first_in_each_article

SUSPECT_RE = re.compile(
    r"\b(?:suspect(?:ed)?\s+(?:gunman|shooter|attacker|assailant|bomber|killer)|suspects?|gunm[ae]n|shooters?|"
    r"attackers?|assailants?|perpetrators?|bomber|killer|person\s+of\s+interest)\b",
    re.IGNORECASE,
)
"""Nouns for the person the police are after."""

STATUSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dead", re.compile(
        r"\b(?:(?:was|were|has\s+been|had\s+been)\s+(?:found\s+dead|shot\s+dead|killed\s+by\s+(?:police|officers))"
        r"|killed\s+(?:himself|herself|themselves)|took\s+(?:his|her|their)\s+own\s+li(?:fe|ves)"
        r"|died\s+(?:of|from)\s+an?\s+(?:apparent\s+)?self-inflicted)\b", re.IGNORECASE)),
    ("in custody", re.compile(
        r"\b(?:(?:is|was|were|are|remains?|remained|now)\s+(?:(?:now|already|reportedly|believed\s+to\s+be)\s+)?"
        r"in\s+(?:police\s+)?custody|(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:arrested|apprehended|"
        r"detained|captured|taken\s+into\s+custody)|surrendered|turned\s+(?:himself|herself)\s+in)\b",
        re.IGNORECASE)),
    ("at large", re.compile(
        r"\b(?:(?:remains?|remained|is\s+still|was\s+still|still)\s+at\s+large|at\s+large|on\s+the\s+run"
        r"|(?:is|was|were|are)\s+(?:still\s+)?being\s+(?:sought|hunted)|manhunt|no\s+(?:reported\s+)?sightings"
        r"|(?:urgently\s+)?(?:seeking|searching\s+for|hunting\s+for|looking\s+for)\s+(?:the\s+)?"
        r"(?:suspect|gunman|shooter|attacker|an?\s+individual|a\s+man))\b", re.IGNORECASE)),
)
"""Status phrases, most final first: a sentence saying a manhunt ended when the suspect was
found dead is about his death."""

CLASH = {("at large", "in custody"), ("at large", "dead"), ("in custody", "dead")}
"""Statuses that cannot both hold at once."""

_CLAUSE_START = re.compile(
    r"(?:^|;|\b(?:and|but|while|whereas|before|after|when|as|until|although|though|because)\b)", re.IGNORECASE)
"""Where the clause holding a status phrase may begin: its subject is written after this."""
_SUBJECT = re.compile(SUSPECT_RE.pattern + r"|\b(?:he|she|the\s+(?:man|woman|teenager|youth))\b", re.IGNORECASE)
"""A clause's subject that is the suspect: the suspect noun, or a pronoun or noun for one person."""
_NOMINAL = re.compile(r"manhunt|sightings|seeking|searching|hunting|looking", re.IGNORECASE)
"""At-large phrases that name no subject ("a manhunt for the gunman")."""

_NEGATED = re.compile(r"\b(?:not|no\s+longer|never|n['’]t)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@dataclass
class Custody:
    """One outlet's status of the suspect; offsets relative to the sentence."""

    sent: Sentence
    start: int
    end: int
    status: str
    written: str


def _status(sent: Sentence, names: frozenset[str] = frozenset()) -> Custody | None:
    """The suspect's status in ``sent``; ``names`` are the surnames the article gives the
    suspect ("police identified the suspect as Dana Whit": "Whit was found dead")."""
    text = sent.text
    named = [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
    if not SUSPECT_RE.search(text) and not named:
        return None
    for status, pattern in STATUSES:
        for m in pattern.finditer(text):
            if _NEGATED.search(text, max(0, m.start() - 30), m.start()):
                continue  # "was not in custody", "is no longer at large"
            if not _about_suspect(text, m, named):
                continue  # "six people were shot dead, and the suspect was detained"
            return Custody(sent, m.start(), m.end(), status, m.group(0))
    return None


_NAMED_SUSPECT = re.compile(
    r"\b(?:suspect(?:ed)?|gunman|shooter|attacker|assailant)(?:,\s*|\s+(?:as|was|is)\s+|\s+named\s+(?:as\s+)?)"
    r"(?:(?:[A-Z][a-z]+|[A-Z]\.)\s+){1,2}(?P<surname>[A-Z][a-z]{2,})\b")
""""Police identified the suspect as Dana Whit", "the gunman, Dana Whit": his surname, by
which later sentences name him ("Whit, 40, was found dead")."""


def suspect_names(sentences: list[Sentence]) -> frozenset[str]:
    """The surnames one article gives the suspect."""
    return frozenset(m.group("surname") for s in sentences for m in _NAMED_SUSPECT.finditer(s.text))


def _about_suspect(text: str, m: re.Match[str], named: list[str] | None = None) -> bool:
    """Whether the status phrase at ``m`` is said of the suspect: its clause's subject (from
    the last clause opening before it) is the suspect, or the phrase names him itself.

    "Six people were shot dead at the mall, and the suspect was detained" reports deaths of
    victims in its first clause; only the second clause is about the suspect. Commas do not
    open a clause: "The suspect, a 24-year-old man, was arrested" keeps its subject.
    """
    if _NOMINAL.match(m.group(0)) or SUSPECT_RE.search(m.group(0)):
        return True
    opening = 0
    for c in _CLAUSE_START.finditer(text, 0, m.start()):
        opening = c.end()
    if any(re.search(rf"\b{re.escape(n)}\b", text[opening:m.start()]) for n in named or ()):
        return True  # "Whit, 40, was found dead"
    return _SUBJECT.search(text, opening, m.start()) is not None


def custody_slot(sentences: list[Sentence]) -> list[Custody]:
    """Each outlet's first status of the suspect, when two or more independent outlets give
    one (empty otherwise)."""
    by_article: dict[str, list[Sentence]] = {}
    for sent in sentences:
        by_article.setdefault(sent.article, []).append(sent)
    names = {art: suspect_names(sents) for art, sents in by_article.items()}
    firsts = first_in_each_article(sentences, lambda s: _status(s, names[s.article]))
    return firsts if len({c.sent.root for c in firsts}) >= 2 else []


def custody_conflict(a: Custody, b: Custody) -> bool:
    """Two statuses that cannot both be true at one time."""
    return (a.status, b.status) in CLASH or (b.status, a.status) in CLASH
