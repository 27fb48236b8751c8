"""Where the story's site lies from a landmark: "60 km southwest of Tarvena".

Outlets often agree on the distance and disagree on the direction (or the reverse), and the
direction is its own checkable fact: an editor flags "southwest of the city" against
"northeast of the city" at once. This module reads "<direction> of <Place>" and each
outlet's first bearing from a place; the place names are compared by spelling variant, so
"Tarvena" and "Tarvenna" are one landmark.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .names import fold
from .observe import Sentence
from .spellings import variant

_POINT = r"(?:north|south|east|west)"
BEARING_RE = re.compile(
    rf"\b(?P<dir>(?i:{_POINT}(?:[- ]?{_POINT})?))(?:ern)?\s+of\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}"
    r"(?P<place>[A-Z][\w’'-]*[a-z])"
)
"""A compass direction from a named place ("south-west of Tarvena", "north of the
resort town Selmark")."""


_DISTANCE_BEFORE = re.compile(r"\d[\d,.]*\s*-?\s*(?:km|kilomet\w+|miles?|mi|metres?|meters?)\.?\s*"
                              r"(?:\([^)]{0,30}\)\s*)?$", re.IGNORECASE)
"""A bearing counts when a distance comes with it ("70 km southwest of ..."): that phrase
places the story's site. A bare "east of the river" describes a bank or a region, and two
outlets' bare bearings are often about two different things."""


@dataclass
class Bearing:
    """One outlet's "<direction> of <place>"; offsets relative to the sentence."""

    sent: Sentence
    start: int
    end: int
    direction: str
    """Normalized: "southwest", "north"."""
    place: str
    written: str


def normalize(direction: str) -> str:
    """"South-West", "south west", "southwest" → "southwest"."""
    return re.sub(r"[^a-z]", "", direction.lower())


def _points(direction: str) -> set[str]:
    return {p for p in ("north", "south", "east", "west") if p in direction}


def compatible(a: str, b: str) -> bool:
    """"south" and "southwest" can both be said of one place; "southwest" and "northeast"
    cannot."""
    pa, pb = _points(a), _points(b)
    return pa <= pb or pb <= pa


def find_bearings(sent: Sentence) -> list[Bearing]:
    """The "<direction> of <Place>" phrases of one sentence."""
    out = []
    for m in BEARING_RE.finditer(sent.text):
        if not _DISTANCE_BEFORE.search(sent.text, max(0, m.start() - 60), m.start()):
            continue
        out.append(Bearing(sent, m.start(), m.end(), normalize(m.group("dir")), fold(m.group("place")),
                           m.group(0)))
    return out


def bearing_slots(sentences: list[Sentence]) -> list[tuple[str, list[Bearing]]]:
    """(landmark as written, each outlet's first bearing from it) for every landmark that
    two or more independent outlets give a bearing from."""
    firsts: dict[str, dict[str, Bearing]] = defaultdict(dict)
    shown: dict[str, str] = {}
    for sent in sorted(sentences, key=lambda s: (s.article, s.index)):
        for b in find_bearings(sent):
            firsts[b.place].setdefault(sent.article, b)
            shown.setdefault(b.place, b.written.rsplit(" ", 1)[-1])
    places = sorted(firsts)
    merged: dict[str, str] = {}
    for p in places:
        merged[p] = next((q for q in places if q < p and merged.get(q) == q and variant(p, q)), p)
    slots: dict[str, dict[str, Bearing]] = defaultdict(dict)
    for p in places:
        for art, b in firsts[p].items():
            slots[merged[p]].setdefault(art, b)
    out = []
    for p, by_art in sorted(slots.items()):
        bearings = sorted(by_art.values(), key=lambda b: (b.sent.article, b.start))
        if len({b.sent.root for b in bearings}) >= 2:
            out.append((shown[p], bearings))
    return out
