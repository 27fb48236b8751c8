"""The name outlets give a thing: "the vessel, called the Kestrel" / "the submersible, which
is called the Sea Lark".

Stories about a ship, a storm, an aircraft or a military operation name it, and in the rush
an outlet sometimes gives it the name of something else in the story (the support ship's
name for the submersible). Each outlet's first "the <noun>, (which is) called/named/dubbed
<Name>" is read; namings whose nouns meet (one outlet's "submersible vessel" meets another's
"vessel" and a third's "submersible") are one thing, and two different names for it contest.

People are left to the name engine (``people``): "the man, named as ..." is not read here,
nor is an indefinite "a group called ..." (a story may mention several groups).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .lexicon import ROLE_WORDS, _words
from .names import fold
from .observe import Sentence
from .spellings import variant

CALLED_RE = re.compile(
    r"\b[Tt]he\s+(?P<nouns>(?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+),?\s+(?:(?:which|that)\s+(?:is|was)\s+)?"
    r"(?:called|named|dubbed)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
)
"""A definite noun phrase and the name it is given."""

PERSON_NOUNS = _words(
    """man men woman women boy boys girl girls child children person people suspect suspects victim
    victims gunman shooter attacker driver pilot passenger passengers worker workers individual
    soldier soldiers officer officers son daughter father mother wife husband brother sister baby
    teenager student resident residents family"""
) | ROLE_WORDS
"""Nouns for people: their names are compared by the name engine."""


MAX_PER_ARTICLE = 16
"""Namings read per article at most: a real article names a thing or two this way; hostile
text naming thousands would make the pairwise linking below quadratic."""


@dataclass
class Naming:
    """One outlet's name for a thing; offsets relative to the sentence."""

    sent: Sentence
    start: int
    end: int
    nouns: frozenset[str]
    name: str


def _namings(sent: Sentence) -> list[Naming]:
    out = []
    for m in CALLED_RE.finditer(sent.text):
        words = m.group("nouns").split()
        nouns = frozenset(w for w in words if w not in PERSON_NOUNS and len(w) > 3)
        if not nouns or words[-1] in PERSON_NOUNS:
            continue
        out.append(Naming(sent, m.start("name"), m.end("name"), nouns, m.group("name")))
    return out


def naming_slots(sentences: list[Sentence]) -> list[tuple[str, list[Naming]]]:
    """(the thing's noun, each outlet's first name for it) for every thing two or more
    independent outlets name."""
    firsts: dict[str, list[Naming]] = defaultdict(list)
    for sent in sorted(sentences, key=lambda s: (s.article, s.index)):
        if len(firsts[sent.article]) < MAX_PER_ARTICLE:
            firsts[sent.article].extend(_namings(sent)[:MAX_PER_ARTICLE])
    # namings whose nouns meet, directly or through a third, name one thing
    every = [n for article in sorted(firsts) for n in firsts[article]]
    parent = list(range(len(every)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(every):
        for j in range(i):
            if a.nouns & every[j].nouns:
                parent[find(i)] = find(j)
    things: dict[int, tuple[set[str], dict[str, Naming]]] = {}
    for i, naming in enumerate(every):
        nouns, by_article = things.setdefault(find(i), (set(), {}))
        nouns.update(naming.nouns)
        by_article.setdefault(naming.sent.article, naming)  # each outlet's first name for it
    out = []
    for nouns, by_article in things.values():
        namings = sorted(by_article.values(), key=lambda n: (n.sent.article, n.start))
        if len({n.sent.root for n in namings}) >= 2:
            noun = max(nouns, key=lambda w: (sum(w in n.nouns for n in namings), w))
            out.append((noun, namings))
    return out


def naming_conflict(a: Naming, b: Naming) -> bool:
    """Two names that are not one name written two ways."""
    fa, fb = fold(a.name), fold(b.name)
    return not (fa == fb or fa in fb or fb in fa or variant(a.name, b.name))
