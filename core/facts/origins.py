"""When the thing at the centre of the story was built: "the bridge, which opened in 1977".

Reports of a collapse, a fire or a flood often give the age of the structure involved, and
outlets copy that year from one another or from memory: one writes "the dam, built in
1956", another "the dam, built in 1955". That year is a checkable fact. This module reads
"<structure> … built/opened/founded in <year>" and lines the outlets up by structure and
by what happened in that year (built, opened, founded are three different years of one
bridge or school: "built in 1974" and "opened in 1977" do not clash).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .lexicon import STRUCTURES
from .observe import Sentence

_VERBS = {
    "built": "built", "constructed": "built", "erected": "built", "completed": "built",
    "opened": "opened", "inaugurated": "opened", "commissioned": "opened",
    "founded": "founded", "established": "founded",
    "launched": "launched",
}
"""What happened in the year, as one word per family: completing a bridge and building it
are reported as one year; opening it to traffic can be years later."""


ORIGIN_RE = re.compile(
    r"\b(?P<noun>" + "|".join(sorted(STRUCTURES, key=len, reverse=True)) + r")s?\b(?P<gap>[^.;:!?()]{0,60}?)\b"
    r"(?:was\s+|were\s+|had\s+been\s+|first\s+|originally\s+)?"
    r"(?P<verb>built|constructed|erected|completed|opened|inaugurated|commissioned|founded|established|launched)"
    r"\s+in\s+(?P<year>1[5-9]\d\d|20\d\d)\b(?![-/.]\d)",
)
"""A structure noun and, within a clause, "built in 1977" ("the bridge, which opened in
1977, ..."; "The dam was built in 1956"; "the stadium, first opened in 1923")."""

_OTHER = re.compile(r"\b(?:new|old|original|former|replacement|previous|second|another|earlier|later|other)\s*$")
"""A modifier naming a second structure of the same kind ("the new bridge opened in 2005"
beside "the old bridge, built in 1930"): its year is not the story's structure's."""

_BREAK = re.compile(
    r"\b(?:and|but|while|whereas|after|before|when)\b|,\s*(?:[a-z]+\s+){0,3}(?:the|a|an|its|their)\s+[a-z]+\s"
)
"""Between the noun and the verb: a second clause, with another subject, may start here."""


@dataclass
class Origin:
    """One outlet's "<structure> built in <year>"; offsets relative to the sentence."""

    sent: Sentence
    start: int
    end: int
    noun: str
    event: str
    year: int
    written: str


def _origins(sent: Sentence) -> list[Origin]:
    text = sent.text
    out = []
    for m in ORIGIN_RE.finditer(text.lower()):
        noun = m.group("noun")
        gap = m.group("gap")
        if _BREAK.search(gap) and not re.match(r"\s*,\s*(?:which|that|first|originally)?\s*(?:was\s+)?$", gap):
            continue
        if _OTHER.search(text.lower()[max(0, m.start() - 20):m.start()]):
            continue
        year = int(m.group("year"))
        if sent.ref is not None and year > sent.ref.year:
            continue  # a plan ("to be completed in 2031"), not when it was built
        out.append(Origin(sent, m.start("noun"), m.end(), noun, _VERBS[m.group("verb")], year,
                          text[m.start("noun"):m.end()]))
    return out


def origin_slots(sentences: list[Sentence]) -> list[tuple[str, list[Origin]]]:
    """(label, each outlet's first origin) per structure and event, where two or more
    independent outlets state one."""
    firsts: dict[tuple[str, str], dict[str, Origin]] = defaultdict(dict)
    for sent in sorted(sentences, key=lambda s: (s.article, s.index)):
        if not any(v in sent.text for v in _VERBS):
            continue
        for origin in _origins(sent):
            firsts[(origin.noun, origin.event)].setdefault(sent.article, origin)
    out = []
    for (noun, event), by_art in sorted(firsts.items()):
        found = sorted(by_art.values(), key=lambda o: (o.sent.article, o.start))
        if len({o.sent.root for o in found}) >= 2:
            out.append((f"year the {noun} was {event}", found))
    return out
