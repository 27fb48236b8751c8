"""Turn a story's claims into observations: one value (count, date, time) per mention, with
the words around it that say what the value is about.

An observation is the unit the aligner lines up across outlets. It keeps the claim's
offsets (evidence must slice the body exactly), the article's independent root (reprints
share their original's root) and a bag of canonical context words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..models import Article
from .lexicon import (
    EVENT_HEADS,
    MAY_HAPPEN,
    MOVE_VERBS,
    NUMBER_WORDS,
    PREDICATES,
    SPEECH_VERBS,
    STOPWORDS,
    STRUCTURES,
    WAVES_OF,
    canon,
    content_tokens,
    event_group,
)
from .quantities import CURRENCIES, Count, find_counts
from .when import DateRef, TimeRef, find_dates, find_times, off_local_clock

_ANAPHORA = re.compile(r"\b(?:that|this|the same) (?:span|period|time|stretch|window|timeframe)\b"
                       r"|\bsince then\b|\bin that time\b", re.IGNORECASE)
_TOK = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


@dataclass
class Sentence:
    """A claim of one article, sliced from the body so evidence offsets are exact."""

    article: str
    root: str
    start: int
    end: int
    text: str
    ref: date | None
    index: int
    ref_borrowed: bool = False
    """The article states no date: ``ref`` is the story's usual one."""
    tokens: tuple[tuple[int, str], ...] = ()
    """Canonical content words with their offsets in ``text``."""
    caption: bool = False
    """A photo caption: its day and hour are when the picture was taken, not the event's."""

    @property
    def words(self) -> list[str]:
        return [w for _, w in self.tokens]


@dataclass
class Obs:
    """One value read from one sentence."""

    kind: str
    sent: Sentence
    start: int
    end: int
    surface: str
    norm: dict[str, Any]
    head: str
    """What the value is about: the counted noun family, or the dated event's family."""
    context: set[str]
    lo: float = 0.0
    hi: float = 0.0
    approx: bool = False
    anchor: frozenset[str] = frozenset()
    """For counts of a generic unit (percent, money): the words just before the figure, which
    say what is measured ("revenue rose 12%"); two such counts align only if these overlap."""
    pred: str | None = None
    """What happened to what is counted ("kill", "injure"), or the dated event's group:
    observations with different ``pred`` never share a slot."""

    @property
    def article(self) -> str:
        return self.sent.article

    @property
    def root(self) -> str:
        return self.sent.root


def roots_of(articles: list[Article]) -> dict[str, str]:
    """Each article's independent source: follow ``copy_of`` to the article first published,
    then take its outlet when known (two pieces by one outlet are one source, not two)."""
    by_id = {a.id: a for a in articles}
    out: dict[str, str] = {}
    for a in articles:
        seen = {a.id}
        cur = a
        while cur.copy_of and cur.copy_of in by_id and cur.copy_of not in seen:
            seen.add(cur.copy_of)
            cur = by_id[cur.copy_of]
        outlet = " ".join((cur.outlet or "").lower().split())
        out[a.id] = f"outlet:{outlet}" if outlet else cur.id
    return out


def reference_dates(articles: list[Article]) -> dict[str, date | None]:
    """Publication date per article; an undated article borrows the story's usual date
    (see ``borrowed_dates``: what is resolved against a borrowed date never contests)."""
    own: dict[str, date | None] = {}
    for a in articles:
        d = None
        for raw in (a.published, (a.published_at or "")[:10]):
            if raw:
                try:
                    d = date.fromisoformat(raw[:10])
                    break
                except ValueError:
                    continue
        own[a.id] = d
    common = Counter(d for d in own.values() if d is not None).most_common(1)
    fallback = common[0][0] if common else None
    return {k: v or fallback for k, v in own.items()}


def borrowed_dates(articles: list[Article]) -> set[str]:
    """Articles whose reference date is borrowed from the story (they state none)."""
    out = set()
    for a in articles:
        raw = a.published or (a.published_at or "")[:10]
        try:
            date.fromisoformat(raw[:10])
        except ValueError:
            out.add(a.id)
    return out


def sentences_of(
    article: Article, analysis: Any, root: str, ref: date | None, borrowed: bool = False
) -> list[Sentence]:
    """The article's sentences (its claims, for an analysis that keeps no sentence list);
    spans that do not fit the body are skipped.

    Every sentence, not only the claims: a claim is a sentence where the claim extractor
    found something, and a figure this engine reads ("within a 2-mile radius") must not be
    lost because the other reader passed it over."""
    out: list[Sentence] = []
    body = article.body
    captions = article.captions or []
    for claim in getattr(analysis, "sentences", None) or getattr(analysis, "claims", []) or []:
        s, e = int(claim.start), int(claim.end)
        if not (0 <= s < e <= len(body)):
            continue
        text = body[s:e]
        if not text.strip():
            continue
        out.append(Sentence(article.id, root, s, e, text, ref, len(out), ref_borrowed=borrowed,
                            tokens=content_tokens(text), caption=any(a <= s and e <= b for a, b in captions)))
    return out


_TOLL_MOVE = re.compile(r"\b(?:toll|number|tally|count)\b[^.;]*\b(?:rose|risen|rises|climbed|climbs|jumped|"
                        r"reached|reaches|passed|surged|increased|stood|stands|hit)\b[^.;]*$", re.IGNORECASE)
"""A date after a toll's move ("the death toll rose to 30 on Thursday") dates the count,
not the event."""


STATEMENT = "statement"
"""The head of a date or time that dates what someone said, not an event."""


BEFORE_REACH = 200
"""How far before a date or time its event may be named: the nearest event word or saying
verb decides, however long the place between ("a gunman opened fire inside a dance studio
in a suburb east of the city late Saturday")."""


_NOT_ERUPTING = frozenset({"fighting", "violence", "clashes", "protests", "shooting", "gunfire", "riots", "war",
                           "chaos", "fire", "fires", "flames", "panic", "unrest", "it", "they", "this", "that"})
"""Capitalised words before "erupted" that name no volcano ("Violence erupted", "It erupted")."""


def _named_subject(before: list[str], i: int) -> bool:
    """Whether the verb at ``i`` has a proper name for its subject ("Etna erupted", "Etna,
    which towers over the coast, erupted"), not a word like "Fighting"."""
    window = [w.lower() for w in before[max(0, i - 12):i]]
    at = i - 1
    if "which" in window:  # the subject stands before its relative clause
        at = max(0, i - 12) + len(window) - 1 - window[::-1].index("which") - 1
    return at >= 0 and before[at][:1].isupper() and before[at].lower() not in _NOT_ERUPTING


_WHEN_AFTER = re.compile(r"[^,.;]{0,40}?\bwhen\s+", re.IGNORECASE)
"""A clock time followed by "when ..." ("at 2:15 p.m. local time when it struck the runway"):
the clause after "when" tells what happened at that time."""


def _when_event(text: str, when: re.Match[str]) -> str | None:
    """The event the first event word of a "when" clause names, within its first 40 characters."""
    for tok in _TOK.finditer(text, when.end(), min(len(text), when.end() + 50)):
        if tok.start() - when.end() > 40:
            break
        low = tok.group().lower()
        if low in _HIT_VERBS:
            return "crash" if _collision(text, tok.start()) else None
        if (head := canon(low)) in EVENT_HEADS:
            return head
    return None


def _event_head(text: str, s: int, e: int, clock: bool = False) -> str | None:
    """The event a date or time belongs to; ``STATEMENT`` when it dates a statement or a
    toll's latest count, None when nothing says."""
    as_of = _AS_OF.search(text, max(0, s - 20), s)
    near = text[e - 2:e + 2]
    if as_of is not None and as_of.group(1).lower() == "by" and ("'s" in near or "’s" in near):
        as_of = None  # "killed by Sunday's car bomb": the agent, dated
    if _TOLL_MOVE.search(text, max(0, s - 90), s) or as_of is not None:
        return STATEMENT  # "the toll rose to 30 on Thursday", "80% contained as of Thursday"
    if clock and (when := _WHEN_AFTER.match(text, e)) is not None and (head := _when_event(text, when)) is not None:
        return head  # "was landing at 2:15 p.m. when it struck the runway": the time of the crash
    # "Wednesday's strike", "Friday night attack": an event noun right after names it; a
    # clause after a comma ("on Sunday, killing 41") tells what followed, not the event
    after = [] if _CLAUSE_AFTER.match(text, e) else _TOK.findall(text[e:e + 30])
    if after and after[0].lower() in ("'s", "’s"):
        after = after[1:]
    for tok in after[:2]:
        head = canon(tok)
        if head in EVENT_HEADS:
            return head
        if tok.lower() not in ("s", "evening", "night", "morning", "afternoon"):
            break
    start = max(0, s - BEFORE_REACH)
    found = list(_TOK.finditer(text, start, s))
    before = [m.group() for m in found]
    # past the nearest 60 characters, only words of the same unbroken clause: beyond a
    # comma another clause ("..., state TV announced on Monday") has its own verb
    comma = text.rfind(",", start, s)
    if comma >= 0 and len(text[comma + 1:s].split()) <= 2:
        comma = -1  # "..., on Tuesday": the date's own phrase, set off by a comma
    for i in range(len(before) - 1, -1, -1):
        low = before[i].lower()
        if found[i].start() < s - 60 and found[i].start() < comma:
            break
        if (len(before) - i <= 7 and low in _ANNOUNCING) or (len(before) - i <= 3 and low in _STILL_IN_STATE):
            return STATEMENT  # "figures released by the ministry on Sunday", "remained missing on Saturday"
        if low in SPEECH_VERBS and not (low == "called" and i + 1 < len(before) and before[i + 1].lower() in _SUMMONED):
            if any(_FINITE.fullmatch(w.lower()) for w in before[i + 1:]):
                return None  # "police said the gunfire started at 10:15": the clause's verb, not the saying
            return STATEMENT
        if low in _REMEMBRANCE and len(before) - i <= 4:
            return None  # "observed a day of mourning on Sunday for the victims of the attack"
        head = _PHRASED_EVENTS.get((before[i - 1].lower() if i else "", low)) or canon(low)
        for words, subjects, reach, event in _WORD_WITH_SUBJECT:
            if low in words and any(w.lower() in subjects for w in before[max(0, i - reach):i]):
                head = event
                break
        if head == "eruption" and low in ("erupt", "erupts", "erupted", "erupting") \
                and not any(w.lower() in _VOLCANIC for w in before[max(0, i - 4):i]) \
                and not _named_subject(before, i):
            continue  # "fighting erupted", "the shooting erupted at 3:30": no volcano ("Etna erupted": one)
        if head == "attack" and low in _HIT_VERBS:
            # the hazard is the verb's subject, often with a phrase between ("the quake,
            # measured by the US Geological Survey, struck at 8:58")
            hazard = next((canon(w.lower()) for w in reversed(before[max(0, i - 10):i]) if w.lower() in HAZARDS),
                          None)
            head = hazard or head  # "the quake struck on Tuesday": the quake's day, not an attack's
            collided = head == "attack" and _collision(text, text.rfind(before[i], 0, s))
            if head == "attack" and i and before[i - 1].lower() == "it" and not collided:
                return None  # "It struck at 1.30pm": whatever "it" is, the sentence does not say
            if collided:
                head = "crash"  # "the ship struck the bridge at 1:28 a.m.": a collision's time
        if head == "collapse" and low.startswith("burst") \
                and any(w.lower() == "volcano" for w in before[max(0, i - 3):i]):
            head = "eruption"  # "a volcano burst on Sunday": it erupted, nothing collapsed
        if head == "derail" and any(w.lower() in _BOATS for w in before[max(0, i - 4):i]):
            head = "sink"  # "the vessel overturned on Tuesday": a boat capsizing, not a derailment
        if head in EVENT_HEADS:
            return head
    # a fronted clock time ("At about 9:40 p.m. local time, a freight train carrying ...
    # derailed") belongs to the clause it opens, however long its subject (a fronted "last
    # week" is as often the frame of a longer story, so days keep to the words near them)
    reach = FRONTED_REACH if clock and _FRONTED.match(text[max(0, s - 100):s]) else 40
    for k, tok in enumerate(_TOK.findall(text[e:e + reach])):
        if tok.lower() in SPEECH_VERBS or (k == 0 and tok.lower() in _ANNOUNCING):
            if clock and _TRAILING_SOURCE.match(text, e):
                return None  # "calls came in at 3:36 p.m., Fire Chief Ana Ruiz said.": who said it, not when
            return STATEMENT
        if tok.lower() in _OTHER_EVENT:
            return None  # "recovered 16 bodies on Sunday after a ferry sank": not the sinking's day
        head = canon(tok)
        if head in EVENT_HEADS:
            return head
    return None


_TRAILING_SOURCE = re.compile(r"\s*,\s*(?:[A-Z][\w.’'-]*\s+){1,6}(?:said|told|says|added)\b[^,;]{0,40}[.!?]?\s*$")
"""A clock time, a comma, then only the source ("..., Allen Fire Chief Ana Ruiz said."):
the time belongs to what happened, the source's words close the sentence."""
_VOLCANIC = frozenset({"volcano", "volcanoes", "lava", "crater", "fissure", "mount", "mt", "peak", "ash",
                       "magma", "volcanic", "eruption"})


_SUMMONED = frozenset({"to", "out", "in"})
"""After "called": deputies "were called to the studio at 10:22 p.m." were summoned; no one spoke."""

_STILL_IN_STATE = frozenset({"remained", "remain", "remains", "remaining"})
"""A state that lasts to a date ("27 girls remained missing on Saturday"): the day of the
telling, not of the event."""
_ANNOUNCING = frozenset({"named", "identified", "confirmed", "announced", "revealed", "disclosed", "released",
                         "published", "issued", "updated", "raised", "revised", "lowered"})
"""Verbs right after a date that make it the day something was made known ("police on Sunday
named the five people killed in Saturday's avalanche", "officials on Monday raised the
toll to 40"): the day of the telling, not of the event."""

_FINITE = re.compile(r"[a-z]{3,}ed|began|begun|broke|struck|hit|fell|sank|took|came|went|ran|tore|blew|shook|"
                     r"swept|spread|erupted|happened|occurred")
"""A verb of its own after a verb of saying: the date or time belongs to that clause."""

_OTHER_EVENT = frozenset({"after", "before", "since", "following"})
_REMEMBRANCE = frozenset({"mourning", "funeral", "funerals", "vigil", "vigils", "memorial", "commemoration",
                          "burial", "burials"})
"""What follows a deadly event: "a day of mourning on Sunday for the victims of the attack"
dates the mourning, not the attack."""
"""Words that open another event after a date: what follows them is not what the date dates."""

_CLAUSE_AFTER = re.compile(r"\s*(?:(?:morning|afternoon|evening|night)\s*)?[,;:(—–]")

_PHRASED_EVENTS: dict[tuple[str, str], str] = {
    **{(verb, "missing"): "disappear" for verb in ("went", "gone", "go", "goes", "going", "reported")},
    **{(verb, "contact"): "disappear" for verb in ("lost", "lose", "loses", "losing")},
    **{(verb, "down"): "crash" for verb in ("went", "came", "gone", "come", "going", "coming")},
    **{(verb, "fire"): "shooting" for verb in ("opened", "open", "opening", "opens")},
    **{(verb, "way"): "collapse" for verb in ("gave", "give", "gives", "giving", "given")},
    ("under", "control"): "contain", ("put", "out"): "contain", ("brought", "out"): "contain",
    **{(verb, "into"): "crash" for verb in ("slammed", "rammed", "smashed", "ploughed", "plowed", "careered",
                                            "careened", "veered", "ran", "plunged", "plummeted", "nosedived",
                                            "dived", "smashed")},
    **{(subject, "left"): "depart" for subject in ("had", "has", "train", "bus", "ship", "ferry", "boat", "flight",
                                                   "plane", "aircraft", "convoy", "vessel")},
}
"""Two-word events whose second word alone names something else: "went missing on Monday"
and "lost contact on Sunday" date a disappearance ("missing" alone counts the missing); an
aircraft that "went down" or "came down" at 10:50 crashed then; a ship that "slammed into" a
bridge early on Tuesday collided with it then."""

_VEHICLES = frozenset({"ship", "vessel", "boat", "ferry", "freighter", "tanker", "barge", "tug", "trawler", "car",
                       "truck", "lorry", "bus", "coach", "van", "train", "tram", "plane", "jet", "aircraft",
                       "airliner", "helicopter", "vehicle", "suv", "minibus", "locomotive"})
_BOATS = frozenset({"boat", "boats", "vessel", "ship", "ferry", "trawler", "dinghy", "raft", "yacht", "canoe",
                    "barge", "tanker", "freighter", "schooner", "catamaran"})

_WORD_WITH_SUBJECT: tuple[tuple[frozenset[str], frozenset[str], int, str], ...] = (
    (frozenset({"lost"}), frozenset({"contact", "signal", "radar", "communication", "communications", "touch"}), 6,
     "disappear"),  # "contact with the helicopter was lost at 1.30pm"
    (frozenset({"track", "tracks", "rails", "rail", "line"}), frozenset({"left", "off", "jumped", "leaving", "leapt"}),
     3, "derail"),  # "seven coaches left the track at 4:37", "came off the rails at about 4:40"
    (frozenset({"broke", "breached"}),
     frozenset({"dam", "dyke", "dike", "levee", "embankment", "barrage", "reservoir", "wall"}), 4,
     "collapse"),  # "the dam broke at 8:54 p.m."
    (frozenset({"fell", "caved", "crumbled", "toppled", "buckled", "plunged"}),
     frozenset({"bridge", "building", "tower", "block", "skyscraper", "roof", "ceiling", "wall", "stadium", "span",
                "viaduct", "overpass", "flyover", "dam", "structure", "stand", "grandstand"}), 12,
     "collapse"),  # "the bridge, some 100 km from the capital, fell into the river at 9:30"
    (frozenset({"plunged", "plummeted", "careered", "careened", "tumbled", "hurtled", "skidded"}), _VEHICLES, 6,
     "crash"),  # "the bus plunged into the river at 3 a.m."
)
"""A verb that names an event only with its subject a few words back: (verbs, subjects, how
many words back, event). A standing thing that fell collapsed, a vehicle that plunged
crashed, a craft that lost contact disappeared."""
_STRUCK = frozenset({"pillar", "pier", "bridge", "span", "support", "wall", "tree", "pole", "barrier", "building",
                     "dock", "wharf", "jetty", "platform", "tunnel", "embankment", "guardrail", "lamppost",
                     "runway", "tarmac", "mountainside", "hillside", "ground"})


def _collision(text: str, at: int) -> bool:
    """Whether the hit verb at ``at`` tells of a collision, not an attack: a vehicle hitting
    ("the ship struck the bridge", "the bus hit a wall"), or "it" hitting a structure
    ("when it hit the pillar"). A missile striking a bridge is still an attack."""
    if at < 0:
        return False
    before = text[max(0, at - 40):at].lower()
    words = re.findall(r"[a-z]+", before)[-4:]
    if any(w.rstrip("s") in _VEHICLES or w in _VEHICLES for w in words):
        return True
    after = re.findall(r"[a-z]+", text[at:at + 40].lower())[1:4]
    return bool(words) and words[-1] in ("it", "they") and any(w in _STRUCK for w in after)

_HIT_VERBS = frozenset({"struck", "strikes", "strike", "striking", "hit", "hits", "hitting"})
HAZARDS = frozenset({"quake", "earthquake", "tremor", "aftershock", "storm", "hurricane", "typhoon", "cyclone",
                     "tornado", "tsunami", "flood", "floods", "flooding", "wildfire", "fire", "blaze",
                     "landslide", "avalanche", "eruption", "heatwave", "outage", "blackout", "drought",
                     "storms", "mudslide", "volcano", "tempest", "twister"})
"""Natural events that "strike" or "hit" as attacks do: with one of them as the subject, the
verb dates the hazard ("a magnitude 6 quake struck late on Friday")."""

ONGOING = frozenset({"evacuate", "rescue"})
"""Events a story repeats over days (orders widen, rescues go on): a day given for one of
them dates that step, so two outlets' days are not one fact."""

_CAPTION_DATE = re.compile(r"[A-Z][\w.’'-]*(?:\s+(?:province|region|state|county|district))?,\s*$")
"""A full date closing a sentence after "Place, Country," is a photo caption's stamp
("Crews search the rubble in Orvello, Tarvena, March 3, 2031."): it dates the picture."""


def _caption_date(text: str, s: int, e: int, explicit_year: bool) -> bool:
    if explicit_year and _CREDIT_AFTER.match(text, e):
        return True  # "... in Orvello, 7 June 2031 Copyright AP Photo"
    return explicit_year and not text[e:].strip(" .") and bool(_CAPTION_DATE.search(text, max(0, s - 60), s))


_CREDIT_AFTER = re.compile(r"[\s.,]*(?:©|Copyright\b|Photo\b|Image\b|Credit\b|\(?(?:AP|AFP|Reuters|Getty)\b)")
_AS_OF = re.compile(r"\b(as\s+of|by|contained\s+(?:on|at))\s+(?:late\s+|early\s+)?$", re.IGNORECASE)
"""A date that stamps a state ("80 percent contained as of Thursday", "15% contained by
Thursday evening", "20% contained on Friday"): when it was measured, not when the event
happened."""


def _stamp_date(text: str, s: int, e: int, explicit_year: bool) -> bool:
    """A photo caption's stamp dates the picture; a dateline ("TARVENA, Sep. 09 (Wire) –")
    or a page's date label ("Published 2024-03-09") dates the copy: none dates the event."""
    if _caption_date(text, s, e, explicit_year) or _STAMP_LABEL.search(text, max(0, s - 16), s):
        return True
    return s <= 80 and bool(_DATELINE_PLACE.match(text[:s]) and _DATELINE_AFTER.match(text, e))


_STAMP_LABEL = re.compile(r"\b(?:date|dated|published|updated|posted)\s*:?\s*$", re.IGNORECASE)
_DATELINE_PLACE = re.compile(r"^\W*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,20})?,\s*$")
_DATELINE_AFTER = re.compile(r",?\s*(?:\d{4})?\s*(?:\([^)]{1,30}\))?\s*[-–—:]")

_FRONTED = re.compile(r"^\W*(?:according to [^,.;]{1,60},\s*)?(?:[A-Za-z]+\s+){0,3}$", re.IGNORECASE)
"""What may stand before a sentence-opening date or time: an attribution ("According to
the railroad,") and a preposition or two ("at about")."""

FRONTED_REACH = 240
"""How far a sentence-opening date or time looks for the verb of the clause it opens."""


CONTEXT_WINDOW = 14
"""Content words kept on each side of a value: a long sentence often holds several facts,
and the words next to a value say what it is about."""


_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|although|though)\b|\s+(?:while|whereas)\s")
"""Where one statement ends and another begins inside a sentence ("..., while five civilians
were killed on Sunday"): a value's context does not reach across."""


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def clause_of(text: str, s: int, e: int) -> tuple[int, int]:
    """The span of the clause holding ``text[s:e]`` (breaks inside quotations do not count)."""
    lo, hi = 0, len(text)
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)] if ";" in text else []
    for m in _CLAUSE_BREAK.finditer(text):
        if any(a < m.start() < b for a, b in quoted):
            continue
        if m.end() <= s:
            lo = m.end()
        elif m.start() >= e:
            hi = m.start()
            break
    return lo, hi


def _context(sent: Sentence, prev: Sentence | None, s: int, e: int) -> set[str]:
    lo, hi = clause_of(sent.text, s, e)
    before = [w for off, w in sent.tokens if lo <= off < s][-CONTEXT_WINDOW:]
    after = [w for off, w in sent.tokens if e <= off < hi][:CONTEXT_WINDOW]
    words = set(before) | set(after)
    if prev is not None and (_ANAPHORA.search(sent.text) or len(words) < 7):
        words |= set(prev.words)
    return words


_QUOTE_MARKS = re.compile(r'["“”«»]')


def inside_quote(text: str, at: int) -> bool:
    """Whether offset ``at`` falls inside a direct quote: an odd number of quotation marks
    before it in the sentence (scraped text often writes an opening quote as a closing one,
    so the marks are counted, not paired)."""
    return len(_QUOTE_MARKS.findall(text, 0, at)) % 2 == 1


_GMT_BEFORE = re.compile(r"\b([01]?\d|2[0-3])[:.]?[0-5]\d\s*(?:GMT|UTC)\s+(?:on\s+)?$")
"""A universal time right before a day, as in a bracketed conversion ("(2358 GMT Tuesday)")."""


_BRACKET_CLOCK_BEFORE = re.compile(
    r"\([^()]{0,30}\d(?:\s*[ap]\.?\s?m\.?)?\s+(?:[A-Z]{2,5}|[A-Z][a-z]+\s+time)\s+(?:on\s+)?$")
"""A day inside a bracketed conversion to another clock ("9:03 a.m. local time (7:03 p.m. ET
Saturday)", "(9pm Moscow time Friday)"): that clock's day, not the event's."""


def _off_clock(t: TimeRef) -> bool:
    """A time near midnight on the universal clock or on another country's ("2304 GMT",
    "2:17am UAE time"), whose day may not be the day where the event happened ("10 a.m. GMT
    on Thursday" or "noon Dhaka time on Monday" is that day nearly everywhere)."""
    return off_local_clock(t.zone) and not 4 * 60 <= t.minutes < 20 * 60


MAX_PER_SENTENCE = 32
"""Dates, times and counts observed per sentence at most (see ``observe``)."""


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
"""What joins the days of a list ("on Aug. 6 and Aug. 9", "on May 2, May 5 or May 9")."""


def _listed(text: str, dates: list[DateRef]) -> set[int]:
    """Starts of the days written as a list: "the bombings of two cities on Aug. 6 and Aug.
    9" gives each city its day, and neither is the date of one event."""
    out: set[int] = set()
    ordered = sorted(dates, key=lambda d: d.start)
    for a, b in pairwise(ordered):
        if _LIST_JOIN.fullmatch(text, a.end, b.start):
            out.update((a.start, b.start))
    return out


_PRICE_WORDS = re.compile(r"\b(?:starts?|starting|begins?|priced|prices?|costs?|costing|retails?|sells?)\s+"
                          r"(?:at|from|for)\b|\bcosts?\b", re.IGNORECASE)
"""Words that price a product: a sentence pricing several in one currency lists several things."""


def observe(sentences: list[Sentence]) -> list[Obs]:
    """Counts, dates and times of one article's sentences."""
    out: list[Obs] = []
    for i, sent in enumerate(sentences):
        prev = sentences[i - 1] if i else None
        text = sent.text
        dates, times, counts = _read(text, sent.ref)
        # a real sentence states a few values; 100 KB of "$3 " would make each of thousands
        # a fact citing the sentence (output quadratic in practice): keep the first few
        dates, times, counts = dates[:MAX_PER_SENTENCE], times[:MAX_PER_SENTENCE], counts[:MAX_PER_SENTENCE]
        if sent.caption:
            dates, times = [], []  # "Rescuers at the site of the crash on Monday.": the photo's day
        listed = _listed(text, dates)
        for d in dates:
            if d.start in listed:
                continue
            head = _event_head(text, d.start, d.end)
            if head is None or head == STATEMENT or head in ONGOING:
                continue
            if _stamp_date(text, d.start, d.end, bool(re.search(r"\d{4}", d.surface))):
                continue
            if any(_off_clock(t) and (0 <= d.start - t.end <= 12 or 0 <= t.start - d.end <= 12
                                      or t.start <= d.start < t.end) for t in times) \
                    or ((gmt := _GMT_BEFORE.search(text, max(0, d.start - 16), d.start)) is not None
                        and not 4 <= int(gmt.group(1)) < 20) \
                    or _BRACKET_CLOCK_BEFORE.search(text, max(0, d.start - 40), d.start):
                continue  # "2:17am on Tuesday UAE time", "(2358 GMT Tuesday)": another clock's day
            norm = {"from": d.lo.isoformat(), "to": d.hi.isoformat(), "grain": d.grain}
            if d.lo == d.hi:
                norm = {"date": d.lo.isoformat(), "grain": d.grain}
            if d.relative:
                norm["relative"] = True
            if d.relative and sent.ref_borrowed:
                norm["anchor"] = "story"  # the article has no date: resolved against the story's
            elif d.relative and inside_quote(text, d.start):
                norm["anchor"] = "quote"  # "tonight" as someone said it, maybe a day before print
            if d.weekday is not None:
                norm["weekday"] = d.weekday
            if d.part:
                norm["part"] = d.part
            out.append(Obs("date", sent, d.start, d.end, d.surface, norm, head,
                           _context(sent, prev, d.start, d.end),
                           float(d.lo.toordinal()), float(d.hi.toordinal()), pred=event_group(head)))
        for t in times:
            head = _event_head(text, t.start, t.end, clock=True) or "event"
            if head == STATEMENT:
                continue  # "at 17:00 GMT the ministry announced ...": when it was said
            norm: dict[str, Any] = {"minutes": t.minutes, "hh:mm": f"{t.minutes // 60:02d}:{t.minutes % 60:02d}"}
            if t.zone:
                norm["zone"] = t.zone
            if t.utc_minutes is not None:
                norm["utc"] = f"{t.utc_minutes // 60:02d}:{t.utc_minutes % 60:02d}"
            if t.approx:
                norm["approx"] = True
            base = t.utc_minutes if t.utc_minutes is not None else t.minutes
            out.append(Obs("time", sent, t.start, t.end, t.surface, norm, head,
                           _context(sent, prev, t.start, t.end), float(base), float(base), t.approx,
                           pred=None if head == "event" else event_group(head)))
        priced = Counter(c.noun for c in counts if c.noun in CURRENCIES and c.n is not None) \
            if _PRICE_WORDS.search(text) else Counter()
        for c in counts:
            if priced.get(c.noun, 0) >= 2:
                continue  # "the X starts at $799 and the X Plus at $899": prices of several things
            norm = {"op": c.op, "n": c.n, "unit": c.unit}
            if c.n is not None and c.n == int(c.n):
                norm["n"] = int(c.n)
            if c.op == "range":
                norm.update({"min": int(c.lo), "max": int(c.hi)})
            if c.vague:
                norm = {"vague": c.vague, "min": int(c.lo), "max": int(c.hi), "unit": c.unit}
            assert c.noun is not None
            noun = c.noun
            lo, hi = c.lo, c.hi
            kind_of = _DEMONYM.match(text, c.end)
            if kind_of is not None and noun not in GENERIC_UNITS and c.unit \
                    and text.startswith(c.unit, kind_of.end(1) + 1):
                noun = f"{noun}:{kind_of.group(1).lower()}"  # "53 Nepalese passengers": a part of the passengers
            elif _ON_THE_GROUND.match(text, c.end):
                noun = f"{noun}:ground"  # "24 people on the ground were killed": apart from those aboard
            if noun == "temperature" and c.n is not None:  # compared in Celsius, as written either way
                norm["celsius"] = round(celsius(c.n, c.unit), 2)
                lo, hi = celsius(c.lo, c.unit), celsius(c.hi, c.unit)
            measured = _dimension(text, c.end, noun, c.unit) if c.n is not None else None
            if measured is not None:  # 72 km and 45 miles, 2,000 acres and 809 hectares: one slot each
                noun, factor, shown = measured
                norm["metres"] = round(c.n * factor, 3)  # in metres, square metres or metres an hour
                norm["unit"] = shown
                lo, hi = c.lo * factor, c.hi * factor
                if norm.get("op") == "<=" and (_PEAK_AFTER.match(text, c.end) or (
                        WAVES_OF.search(text, max(0, c.start - 30), c.start) and not MAY_HAPPEN.search(text))):
                    norm["op"], lo = "=", hi  # "ash up to 3 km high", "waves of up to 5 metres": the height reached
            if noun in ("kill", "injure", "missing") and (c.unit or "").lower() != "times":
                noun = "people"  # "43 dead" counts people, as "43 people were killed" does
            if frame_of(text, c.start, c.end, sent.ref.year if sent.ref else None, economic=c.noun in _ECONOMIC):
                continue  # an earlier period's figure, a forecast, a figure per item: background, never a fact
            anchor = _measured_thing(text, c.start, c.end) if noun == "length" else _anchor(sent, c.start, c.noun)
            out.append(Obs("count", sent, c.start, c.end, c.surface, norm, noun,
                           _context(sent, prev, c.start, c.end) - {noun, c.noun}, lo, hi,
                           c.op.startswith("~"), anchor=anchor,
                           pred=_pred_of(noun, c.pred or _predicate(sent, c.start, c.end, c.noun))))
    return _drop_vague_refined(out)


_PRIOR = re.compile(
    r"\b(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|year[- ]earlier|year[- ]ago|previous\s+(?:year|quarter|"
    r"month|record)|prior\s+(?:year|quarter)|same\s+(?:period|quarter|month|time)|earlier\s+record|old\s+record|"
    r"had\s+stood\s+at|was\s+previously)\b"
    r"|\bin\s+(?:(?:early|late|mid)[- ]?)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_EXPECTED_FIGURE = re.compile(
    r"\b(?:consensus|analysts?|expected|expecting|expects|forecasts?|forecasting|predicted|projected|projection|"
    r"targets?\s+(?:of|for)|(?:its|the|a|an)\s+(?:\w+\s+)?target|guidance|outlook|pencilled|penciled|anticipated|"
    r"aims?\s+(?:for|at))\b", re.IGNORECASE)
"""Words that make an economic figure a forecast, a target or a consensus ("versus a
consensus of $12.1bn", "the bank aims for inflation of 2%"): applied to sums and
percentages only, since a toll "expected to rise" is still today's toll."""
_TARGET_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:targets?|goals?|forecasts?|estimates?|projections?)\b",
                           re.IGNORECASE)
_ECONOMIC = frozenset({"percent", "usd", "gbp", "eur", "point", "points", "per"})
_COMPARED = re.compile(r"\b(?:since|from|than|on|over|versus|vs\.?|with|against)\s+$", re.IGNORECASE)
_HISTORY = re.compile(r"\b(?:built|completed|opened|founded|constructed|established|erected|launched|born)\s+$",
                      re.IGNORECASE)
_EACH = re.compile(r"\beach\s+(?:\w+\s+){0,2}$|^\s*(?:\w+\s+){0,1}each\b|\bper\s+(?:person|head|wing|unit)\b",
                   re.IGNORECASE)
_FRAME_REACH = 40
"""How far on either side of a figure a frame word counts (within its clause)."""


def frame_of(text: str, s: int, e: int, year: int | None, economic: bool = False) -> str | None:
    """The frame of the count at ``text[s:e]``, or None for the story's own figure: the words
    close to it say whether it is an earlier period's ("prior": "last year", "in 2015" before
    the article's ``year``), a forecast's, a target's or a consensus's ("expected", for an
    ``economic`` figure: a sum or a percentage) or per item ("each"). Framed counts are left
    out of the facts: last year's revenue is no outlet's figure for this quarter."""
    lo, hi = clause_of(text, s, e)
    before = text[max(lo, s - _FRAME_REACH):s]
    after = text[e:min(hi, e + _FRAME_REACH)]
    if _EACH.search(before) or _EACH.search(after[:25]):
        return "each"
    if economic and (_EXPECTED_FIGURE.search(before) or _EXPECTED_FIGURE.search(after[:15])
                     or _TARGET_AFTER.match(after)):
        return "expected"  # the words right by it: "versus a consensus of $12.1bn", "$12.8bn analysts had"
    fronted = text.find(",")
    for m in _PRIOR.finditer(text):
        if _COMPARED.search(text, max(0, m.start() - 14), m.start()):
            continue  # "the most since last year", "up 9% from a year earlier": the story's own
        if not m.group("year"):
            if s - _FRAME_REACH <= m.start() <= e + _FRAME_REACH or (0 <= fronted < s and m.end() <= fronted):
                return "prior"  # "in the same quarter last year, revenue was ..."
            continue
        if year is not None and int(m.group("year")) < year and (s - _FRAME_REACH <= m.start() <= e + _FRAME_REACH) \
                and not _HISTORY.search(text, max(0, m.start() - 25), m.start()):
            return "prior"  # "more than 1,100 in 2009"; not "the bridge, built in 1978, is 400 metres long"
    return None


_DEMONYM = re.compile(r"\s+([A-Z][a-z]+(?:ese|ian|an|ish|i|ch))\s[a-z]")
"""A nationality between a figure and its noun ("53 Nepalese passengers", "five Indian
nationals"): it counts a part of what the bare noun counts, so it gets a slot of its own."""

LENGTH_UNITS: dict[str, float] = {
    "km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0, "mile": 1609.344, "metre": 1.0, "meter": 1.0,
    "feet": 0.3048, "foot": 0.3048, "ft": 0.3048, "yard": 0.9144, "inch": 0.0254, "inche": 0.0254,
    "mm": 0.001, "millimetre": 0.001, "millimeter": 0.001, "cm": 0.01, "centimetre": 0.01, "centimeter": 0.01,
}
"""Lengths by the counted-noun head ``canon`` gives them, in metres: outlets give one distance
in kilometres or miles, and "4 mi" and "6.4 km" are the same statement."""

SPEED_UNITS: dict[str, float] = {
    "mph": 1609.344, "miles/h": 1609.344, "mile/h": 1609.344, "km/h": 1000.0, "kph": 1000.0, "kmh": 1000.0,
    "kilometres/h": 1000.0, "kilometers/h": 1000.0, "knots": 1852.0, "knot": 1852.0,
}
"""Speeds by the unit as written, in metres an hour: a storm's winds or a train's speed are
given in mph by one outlet and km/h or knots by another."""

AREA_UNITS: dict[str, float] = {"acre": 4046.8564224, "hectare": 10000.0}
"""Areas named by their own unit, in square metres (squared lengths are read by ``_dimension``)."""

_SQUARE = re.compile(r"\s+(?:square|sq\.?)\s+[a-z]", re.IGNORECASE)
_NAUTICAL = re.compile(r"\s+nautical\s+mi", re.IGNORECASE)
NAUTICAL_MILE = 1852.0
"""Metres in a nautical mile: distances at sea and in the air, never a statute mile."""


def _pred_of(noun: str, pred: str | None) -> str | None:
    """The predicate a count keeps: none for figures nothing happens to (money included: "the
    seriously injured 3 million tenge"), and no harm for places ("12 people died in four
    counties": the counties are where, not who)."""
    if noun in _NO_PREDICATE or noun in CURRENCIES or (noun in _PLACES_COUNTED and pred in _HARM_PREDS):
        return None
    if pred == "recover" and noun in _HELD:
        return "rescue"  # "346 hostages were safely recovered": freed alive, not bodies found
    return pred


_HELD = frozenset({"hostage", "captive", "abductee", "kidnapped"})
"""People held by others: "recovered" of them means freed alive."""


_PLACES_COUNTED = frozenset({"county", "district", "province", "state", "region", "village", "town", "city",
                             "municipality", "neighbourhood", "neighborhood", "country", "island", "prefecture",
                             "commune", "parish", "governorate", "department", "area", "location", "site"})
_HARM_PREDS = frozenset({"kill", "injure", "missing", "trap"})

_NO_PREDICATE = frozenset({"temperature", "age", "minute", "hour", "second", "day", "week", "month", "year",
                           "decade"})
"""Figures nothing happens to: "within four minutes" of an arrest is no one arrested, and a
suspect's age is no count of the arrested."""


def celsius(n: float, scale: str | None) -> float:
    """A temperature in degrees Celsius, from the scale it was written in."""
    return (n - 32.0) * 5.0 / 9.0 if scale == "°F" else n


MEASURES = ("length", "area", "speed")
"""Heads of figures in a physical dimension, compared in SI units across the units written."""


def _dimension(text: str, end: int, noun: str, unit: str | None) -> tuple[str, float, str | None] | None:
    """(dimension, SI units per written unit, unit to show) when the figure ending at ``end``
    is a speed ("145 mph"), an area ("2,000 acres", "140 square kilometres": never a
    distance) or a length ("72 km"); else None."""
    per_hour = SPEED_UNITS.get((unit or "").lower())
    if per_hour is not None:
        return "speed", per_hour, unit
    if noun in AREA_UNITS:
        return "area", AREA_UNITS[noun], unit
    if noun in LENGTH_UNITS:
        if noun == "mile" and _NAUTICAL.match(text, end):
            return "length", NAUTICAL_MILE, "nautical miles"  # "20 nautical miles (37 km) off the coast"
        if _SQUARE.match(text, end):
            return "area", LENGTH_UNITS[noun] ** 2, f"sq {unit}"
        return "length", LENGTH_UNITS[noun], unit
    return None


GENERIC_UNITS = frozenset({*MEASURES, "percent", "usd", "gbp", "eur", "km", "kilometre", "kilometer",
                           "mile", "metre", "meter", "feet", "tonne", "ton", "kg", "pound", "hectare", "acre",
                           "degree"})
"""Units that say nothing about what is measured: 12% of what? $3bn of what?"""


_ANCHOR_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _anchor(sent: Sentence, s: int, noun: str | None) -> frozenset[str]:
    """The common nouns just before a percentage or sum ("quarterly revenue rose 12%")."""
    if noun not in GENERIC_UNITS:
        return frozenset()
    words = []
    for m in _ANCHOR_WORD.finditer(sent.text, max(0, s - 90), s):
        w = m.group()
        low = w.lower()
        if (w[0].isupper() and m.start() > 0) or low in STOPWORDS or low in MOVE_VERBS:
            continue
        if low.endswith("ed") or low in NUMBER_WORDS or canon(low) == noun:
            continue
        words.append(canon(low))
    return frozenset(words[-3:])


_THINGS = STRUCTURES | _VEHICLES | frozenset({
    "fissure", "crack", "runway", "convoy", "queue", "wall", "fence", "river", "lake", "glacier", "island", "reef",
    "flotilla", "pipeline", "cable", "storm", "front", "zone", "corridor", "perimeter", "cordon", "crater", "hole",
    "sinkhole", "slick", "spill", "plume", "flow", "fire", "blaze", "fireline", "submersible", "sub",
    "rocket", "booster", "stage", "missile", "spacecraft", "capsule", "satellite", "mast", "antenna", "statue"})
"""Things a length is given for: a length of one never lines up with a length of another."""
_LENGTH_UNIT = r"(?:\s*-?\s*(?:km|kilomet\w*|miles?|mi|metres?|meters?|m|feet|foot|ft|yards?|nautical\s+miles?)\b\.?)?"
"""The unit after a length's figure, if written, with its hyphen ("984 feet", "1.6-mile")."""
_HEDGE = r"(?:(?:about|some|nearly|almost|roughly|around|approximately|more\s+than|over)\s+)?"
"""A hedge before a length's figure ("about", "nearly", "more than")."""
_THING_AFTER = re.compile(
    _LENGTH_UNIT + r"(?:\s*\([^)]{0,30}\))?\s*(?:-?\s*(?:long|tall|high|wide|deep)\b)?\s*(?P<noun>[a-z]+)")
_LENGTH_VERB = (r"(?:is|was|measures|measured|measuring|stretches|stretched|stretching|spans|spanned|spanning|"
                r"extends|extended|extending|runs|ran|running|lengthened|grew|grown|widened)")
_THING_BEFORE = re.compile(
    rf"\b(?P<noun>[a-z]+),?\s+(?:(?:which|that)\s+)?(?:has\s+|had\s+)?{_LENGTH_VERB}\s+(?:(?:for|to|over)\s+)?{_HEDGE}$")
_VERB_BEFORE = re.compile(rf"\b{_LENGTH_VERB}\s+(?:(?:for|to|over)\s+)?{_HEDGE}$")
_SUBJECT = re.compile(r"^\W*(?:the|a|an|its)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b")
_DISTANCE_AFTER = re.compile(
    _LENGTH_UNIT + r"(?:\s*\([^)]{0,30}\))?\s*(?:from|away|off|outside|short\s+of|north|south|east|west|"
    r"inland|offshore|(?:north|south)[- ]?(?:east|west))\b", re.IGNORECASE)
"""A length followed by where it is measured from ("15 km from the city", "30 km north of
Tarvena"): a distance, never the size of the sentence's subject."""
_COPULA = re.compile(rf"\b(?:is|was)\s+(?:(?:for|to|over)\s+)?{_HEDGE}$")
_LONG_AFTER = re.compile(r"(?:\s*-?\s*[a-z]+\.?)?(?:\s*\([^)]{0,30}\))?\s*(?:long|wide|high|tall|deep|in\s+length)\b")
_APPOSED_THING = re.compile(r"\b(?P<noun>[a-z]+),\s+(?:(?:which|that)\s+(?:[a-z]+\s+){0,5}?)?" + _HEDGE + "$")
"""The thing in commas before its size: "the dam, about 15 metres high," "the dam, which
they estimated to be about 12 metres high"."""
_SAME_THING = {"crack": "fissure", "vessel": "ship", "span": "bridge", "barrage": "dam"}
"""Words outlets use for one thing: the crack is the fissure, the vessel the ship."""


def _measured_thing(text: str, s: int, e: int) -> frozenset[str]:
    """What a length is the length of, when the words right around it say ("the 948-foot
    ship", "the ship, which is 984 feet long", "a 1.6-mile bridge", "the fissure that
    opened on Monday has lengthened to about 4 km"): two outlets' lengths of the ship and of
    the bridge are two slots, however alike their sentences."""
    lower = text.lower()
    noun = None
    copula = _COPULA.search(lower, max(0, s - 30), s) is not None
    if _DISTANCE_AFTER.match(lower, e) or (copula and not _LONG_AFTER.match(lower, e)):
        return frozenset()  # "the fire was about 15 km from the city": where, not how long
    after = _THING_AFTER.match(lower, e)
    if after is not None and after.group("noun") in _THINGS:
        noun = after.group("noun")
    elif (before := _THING_BEFORE.search(lower, max(0, s - 50), s)) is not None and before.group("noun") in _THINGS:
        noun = before.group("noun")
    elif _VERB_BEFORE.search(lower, max(0, s - 40), s) and (subject := _SUBJECT.match(lower)) is not None \
            and subject.group("noun") in _THINGS:
        noun = subject.group("noun")  # the sentence's subject, the verb right before the figure
    elif _LONG_AFTER.match(lower, e) and (apposed := _APPOSED_THING.search(lower, max(0, s - 60), s)) is not None \
            and apposed.group("noun") in _THINGS:
        noun = apposed.group("noun")  # "the dam, about 15 metres high,"
    return frozenset({_SAME_THING.get(noun, noun)}) if noun else frozenset()


PREDICATE_WINDOW = 6
"""How many content words either side of a count may say what happened to what it counts."""


def _predicate(sent: Sentence, s: int, e: int, noun: str | None) -> str | None:
    """The nearest predicate family around a count ("killed", "injured", "rescued")."""
    if noun in PREDICATES:
        return noun
    carrying = _CARRYING.search(sent.text, max(0, s - 80), s)
    if carrying and (carrying.group(1) or noun not in _VEHICLE_PARTS):
        return "aboard"  # "a plane carrying 72 people crashed, killing ...": who was on it
    if noun not in _VEHICLE_PARTS and (board := _ON_BOARD_AFTER.match(sent.text, e)) is not None:
        if _DIED_AFTER.match(sent.text, board.end()) or _KILLING_BEFORE.search(sent.text, max(0, s - 20), s):
            return "kill"  # "all nine people on board were killed": the toll, told of those aboard
        return "aboard"  # "the bus had 52 people on board", "40 passengers were aboard"
    if noun in _PRESENT_NOUNS and _INSIDE_AFTER.match(sent.text, e):
        return "present"  # "some 500 people were inside the venue": how many were there
    if _NOT_ACCOUNTED_AFTER.match(sent.text, e):
        return "missing"  # "seventy pupils had not been accounted for by Friday morning"
    if _BURIED_AFTER.match(sent.text, e):
        return "trap"  # "dozens of workers buried under the rubble": trapped, whatever else the sentence says
    if noun in _VEHICLE_PARTS and _WITH_BEFORE.search(sent.text, max(0, s - 30), s):
        return "consist"  # "the train, en route with 140 cars, derailed": its size, not the cars derailed
    before = [(off, w) for off, w in sent.tokens if off < s][-PREDICATE_WINDOW:]
    best: tuple[int, str] | None = None
    for dist, (off, w) in enumerate(reversed(before)):
        if w == "attack" and sent.text[off:off + 3].lower() == "hit" and _HAZARD_BEFORE.search(sent.text, 0, off):
            break  # "the outage hit 4.2m customers": a hazard hit them, nobody attacked
        if w == "attack" and _collision(sent.text, off):
            break  # "the bus hit a wall, injuring 12": a collision
        if w in PREDICATES:
            if _AND_BETWEEN.search(sent.text, off, s) and _OWN_VERB.match(sent.text, e):
                break  # "six were killed and 87 inmates escaped": the figure has its own verb
            best = (dist, w)
            break
    after_at = [(off, w) for off, w in sent.tokens if off >= e][:PREDICATE_WINDOW]
    for dist, (off, w) in enumerate(after_at):
        if dist == 0 and w in PREDICATES and _NOUN_MODIFIER.match(sent.text, off):
            continue  # "200 rescue workers", "40 evacuation buses": what they are, not what befell them
        if w in PREDICATES and (best is None or dist < best[0]):
            if w == "attack" and _collision(sent.text, off):
                break  # "984 feet long, ... when it hit the pillar": a collision
            if _AND_BEFORE.search(sent.text, max(e, off - 6), off):
                continue  # "had more than 100 cars and derailed": the verb has another subject
            if _OTHER_FIGURE.search(sent.text, e, off):
                break  # "75 climbers were on the mountain, and 49 have been evacuated": 49's verb
            if _EXPECTED.search(sent.text, e, off):
                return f"{w}:expected"  # "40,000 people need to be evacuated": not yet done
            best = (dist, w)
            break
    return best[1] if best else None


_PEAK_AFTER = re.compile(r"\s*(?:km|kilomet\w*|miles?|mi|metres?|meters?|m|feet|ft)?\b\.?\s*"
                         r"(?:high\b|tall\b|deep\b|into\s+the\s+(?:sky|air|atmosphere)\b)", re.IGNORECASE)
"""A height or depth given as "up to": the peak it reached, as "winds of up to" is a speed's."""
_AND_BEFORE = re.compile(r"\band\s+$")
_HAZARD_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(HAZARDS)) + r")s?\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
"""A hazard as the subject a few words before a verb ("the outage hit", "the storm hit")."""
_NOUN_MODIFIER = re.compile(r"(?:rescue|evacuation|attack|arrest|recovery|search)\s+[a-z]+", re.IGNORECASE)
"""A noun of action between a figure and its noun names the kind of thing counted."""
_AND_BETWEEN = re.compile(r"\b(?:and|but|while|as)\b|[,;]")
_OWN_VERB = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:(?:have|has|had|were|was)\s+)?(?:been\s+)?(?:also\s+|later\s+)?"
                       r"(?:[a-z]{3,}ed|fled|broke|ran|went|got|came|stole|swam|fought|hid|took|made|left)\b")
"""A verb right after a figure's noun ("87 inmates escaped"): in a clause of its own, the
figure is its subject, not the object of a verb before the "and"."""
_OTHER_FIGURE = re.compile(r"[,;](?!\s*(?:including|among\s+them)\b)\s*(?:and|but|while|with)?\s*(?:\w+\s+){0,2}?"
                           r"(?:\d|(?:one|two|three|four|five|six|"
                           r"seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|hundreds|thousands)\b)",
                           re.IGNORECASE)
"""Another figure opening a clause between a count and a verb: the verb is that figure's."""
_ON_BOARD_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:(?:were|was|are|is)\s+(?:still\s+)?)?(?:on\s+board|onboard|aboard)\b", re.IGNORECASE)
""""52 people on board", "40 passengers were aboard": who a vehicle carried."""
_PRESENT_NOUNS = frozenset({"people", "person", "individual", "guest", "fan", "spectator", "concertgoer",
                            "worshipper", "student", "patient", "shopper", "reveller", "partygoer", None})
_INSIDE_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s*)?(?:,[^,;]{0,60},\s*)?(?:(?:were|was|had\s+been|are|had)\s+)?(?:still\s+)?"
    r"(?:inside|in|at|packed\s+into|crammed\s+into|crowded\s+into|attending|gathered\s+(?:in|at|inside))\s+"
    r"(?:the|a)\s+(?:[a-z-]+\s+)?(?:venue|club|nightclub|disco|discotheque|bar|hall|concert\s+hall|building|"
    r"theatre|theater|stadium|arena|church|mosque|temple|school|hotel|cinema|auditorium|mall)\b",
    re.IGNORECASE,
)
""""Some 500 people were inside the venue", "about 1,000 people, mostly teenagers, had
packed into the club": how many were there when it happened, one figure per story."""
_ON_THE_GROUND = re.compile(r"\s+(?:(?:people|persons|residents|others)\s+)?on\s+the\s+ground\b", re.IGNORECASE)
_KILLING_BEFORE = re.compile(r"\b(?:killing|killed|kills)\s+(?:all\s+)?(?:(?:the|of\s+the)\s+)?$", re.IGNORECASE)
""""killing five people aboard the smaller plane": the toll, told of those aboard."""
_NOT_ACCOUNTED_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:(?:had|have|has|were|was|are|is|remain|remained)\s+)?"
                                  r"(?:still\s+)?(?:not|yet\s+to\s+be)\s+(?:yet\s+)?(?:been\s+)?accounted\s+for",
                                  re.IGNORECASE)
_BURIED_AFTER = re.compile(r"\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}?(?:(?:were|was|are|is|remain|remained|remains)\s+"
                           r"(?:still\s+)?)?buried\s+(?:alive\s+)?(?:under|beneath|by|in\s+the\s+(?:rubble|debris|mud))\b",
                           re.IGNORECASE)
""""40 workers buried under the rubble", "dozens of people remain buried beneath": trapped
(a funeral, "were buried in the town cemetery", says nothing of the sort)."""
_DIED_AFTER = re.compile(r"\s+(?:the\s+(?:\w+\s+)?\w+\s+)?(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?(?:all\s+)?"
                         r"(?:(?:presumed|believed|feared)\s+(?:to\s+(?:be|have)\s+)?)?"
                         r"(?:killed|died|dead|perished)\b", re.IGNORECASE)

_CARRYING = re.compile(
    r"(?:\b(carrying|carried|carries|transporting|ferrying)"
    r"|\b(?:plane|aircraft|airliner|jet|flight|helicopter|bus|coach|boat|ship|vessel|ferry|train)\s+with)"
    r"\s+(?:(?:a|its)\s+(?:team|crew|group|complement)\s+of\s+)?"
    r"(?:(?:all|about|around|some|nearly|almost|roughly|at\s+least|more\s+than|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
"""A figure a vehicle carries ("a bus carrying 40 passengers", "the plane with 72 people on
board"): how many were aboard, whatever happened to them later in the sentence. "A train
with 120 cars" gives the train's size, not who was aboard (``_VEHICLE_PARTS``)."""

_WITH_BEFORE = re.compile(r"\bwith\s+(?:(?:about|around|some|nearly|more\s+than|over|roughly)\s+)?$",
                          re.IGNORECASE)
_VEHICLE_PARTS = frozenset({"car", "coach", "carriage", "wagon", "bogie", "compartment", "seat", "engine", "deck"})

_EXPECTED = re.compile(r"\b(?:need|needs|needed|must|should|could|may|might|will|would|expected|ordered|told|urged|"
                       r"asked|set|due|likely|feared)\s+(?:to\s+)?(?:be\s+)?$|\bto\s+be\s+$", re.IGNORECASE)
"""A figure of what is yet to happen ("need to be evacuated", "are expected to be
rescued"): never the same slot as what has happened."""


def settle_local_clock(observations: list[Obs]) -> None:
    """Give the story's unzoned clock times their instant when its outlets agree on what
    the local clock is: "12:50 p.m. local time (0620 GMT)" in one report tells that
    "12:50pm local time" in another is 06:20 GMT too, and so the same instant as "1.20pm
    Bangkok time" in a third. With no such reading, or two that disagree on the offset
    (a story told from two countries), times stay as written and compare as wall clocks."""
    times = [o for o in observations if o.kind == "time"]
    offsets = {(int(o.norm["minutes"]) - int(o.lo)) % 1440 for o in times
               if o.norm.get("zone") == "local" and "utc" in o.norm}
    if len(offsets) != 1:
        return
    (offset,) = offsets
    for o in times:
        if "utc" not in o.norm and o.norm.get("zone", "local") == "local":
            utc = (int(o.norm["minutes"]) - offset) % 1440
            o.norm["utc"] = f"{utc // 60:02d}:{utc % 60:02d}"
            o.lo = o.hi = float(utc)


@lru_cache(maxsize=4096)
def _read(text: str, ref: date | None) -> tuple[list[DateRef], list[TimeRef], list[Count]]:
    """Dates, times and counts of one sentence (cached: wire copies repeat sentences)."""
    dates = find_dates(text, ref)
    days = [d for d in dates if d.lo == d.hi]  # "this year" gives no day for a clock (its Jan. 1 is winter time)
    times = find_times(text, days[0].lo if days else ref)
    skip = [(d.start, d.end) for d in dates] + [(t.start, t.end) for t in times]
    return dates, times, find_counts(text, skip)


def _drop_vague_refined(obs: list[Obs]) -> list[Obs]:
    """Within one article, "scores of attacks ... at least 212 times" states one figure twice:
    the vague wording is dropped when a precise count of the same thing follows within two
    sentences, so the article is not set against itself."""
    precise = [o for o in obs if o.kind == "count" and "vague" not in o.norm]
    keep = []
    for o in obs:
        if o.kind == "count" and "vague" in o.norm and any(
            p.head == o.head and abs(p.sent.index - o.sent.index) <= 2 for p in precise
        ):
            continue
        keep.append(o)
    return keep
