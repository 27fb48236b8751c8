"""The story's headline figures: one slot per "what happened to whom" across outlets.

A breaking story has one death toll, one count of injured, one of missing, one of people
evacuated. Outlets word them so differently ("the death toll rose to 40", "killing at
least 36 people", "53 people were killed in the fires") that the words around the figure
rarely match, so the context clustering in ``align`` keeps them apart. Yet a desk editor
lines them up at once: each outlet's *first* figure for people killed is its toll.

So for every (predicate, counted noun) key, each article's first observation in reading
order is its headline figure for that key, and the headline figures of all outlets form
one slot, however far apart the values are (a toll that rose from 36 to 67 is exactly what
the editor needs to see). The first length written as an adjective ("the 98-foot ferry")
is treated alike: it gives the size of what the story is about. Figures that describe
something else are passed over: a sentence naming an earlier year ("the deadliest since
a 1987 cyclone killed 40 people") tells of a past event, and a qualified part ("10
foreign passengers", "12 of the 68 bodies") is not the total.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import pairwise

from .align import Idf
from .compare import value_key
from .lexicon import MAY_HAPPEN, WAVES_OF, event_group
from .names import fold
from .observe import Obs, Sentence, clause_of
from .quantities import OTHERS_HURT
from .spellings import variant

LINK_THRESHOLD = 0.06
"""The least context two outlets' headline figures must share to be one slot: far below
what ``align`` asks of values in general (the toll sentences of one story share a place
or an event word, not a phrasing), but enough to keep apart "officers arrested 14 people
during the raid" and "inspectors detained 12 people" in a separate case."""

_ALONE_PEOPLE = frozenset({"missing", "evacuate", "rescue", "trap", "displace", "present", "aboard", "serious",
                           "recover", "identify"})
"""What befell people that an article states once, as its figure, outside the lede too
(arrests are left out: "in a separate case, inspectors detained 12 people" is common)."""

LEAD_PREDICATES = frozenset({"kill", "injure", "missing", "evacuate", "rescue", "arrest", "displace",
                             "trap", "recover", "identify", "derail", "destroy", "aboard", "outage", "risk", "present",
                             "serious"})
"""Predicates whose first figure in an article is that article's headline figure."""

PERSON_HEADS = frozenset({"people", "person", "individual", "victim", "resident", "civilian"})
"""Counted nouns that all mean "people" for a toll."""

PEOPLE_GROUPS = frozenset({"worker", "climber", "hiker", "trekker", "tourist", "visitor", "pilgrim", "worshipper",
                           "villager", "student", "migrant", "fisherman", "fishermen", "swimmer", "spectator",
                           "fan", "shopper", "guest", "patient", "skier", "diver", "commuter", "traveller",
                           "traveler", "holidaymaker", "protester", "demonstrator", "refugee", "inmate", "pupil",
                           "passenger", "hostage"})
"""What the people a disaster strikes are called by one outlet and not another ("11 climbers",
"13 hikers", "22 people", "14 passengers were injured"): for a toll, the injured, the
missing, the evacuated or the rescued they are one figure. Soldiers, police officers, crew
and children are left out: outlets count them apart from the rest as often as they lead
with them."""
_GROUP_PREDICATES = frozenset({"kill", "injure", "missing", "evacuate", "rescue", "trap", "displace"})

SAME_GROUP = {"miner": "worker", "employee": "worker", "labourer": "worker", "laborer": "worker"}
"""Counted nouns one workforce goes by: outlets call the men in a mine "miners" and "workers"."""

TIMED_EVENTS = frozenset({"crash", "explosion", "quake", "derail", "sink", "collapse", "eruption", "shooting",
                          "stabbing", "accident", "avalanche", "landslide", "mudslide", "stampede", "crush", "blackout",
                          "outage", "fire", "storm", "curfew", "tornado", "contain"})
"""Events a story has one of, whose clock time each outlet gives once: its first time for one
is its time of the event, however the sentences around it are worded ("the blast, which
occurred at around 2:30 p.m., sent a plume of smoke" and "state media said the explosion
happened at 3:10 p.m."). Attacks are left out: a war story holds many, at many times. The
heads of one group are one slot: a train that "derailed" and "collided", "the accident"
and "the crash" happened once."""

_TOO_VAGUE = frozenset({"several", "a few", "numerous"})
"""Vague words too loose to stand for an outlet's toll ("several were hurt")."""

_SIZE = re.compile(r"\d[-\u2011][A-Za-z]")
"""A length written as an adjective ("the 98-foot ferry", "a 300-kilometre-long canal"): an
outlet's first one is nearly always the size of what the story is about."""

_ATTRIBUTE = re.compile(r"\b(depth|height|altitude|elevation|length|width)\s+of\s+(?:only\s+|barely\s+|just\s+)?$",
                        re.IGNORECASE)
"""A length named by what it measures ("at a depth of 10 km"): one per story and attribute."""

_AIRCRAFT = re.compile(r"\b(?:plane|aircraft|airliner|jet|helicopter|flight|dreamliner|boeing|airbus)\b", re.IGNORECASE)
_UNDERGROUND = re.compile(r"\s*(?:km|kilomet\w*|miles?|metres?|meters?|m|feet|ft)?\b\.?\s*(?:\([^)]{0,30}\)\s*)?"
                          r"(?:underground|below\s+(?:ground|the\s+surface)|beneath\s+the\s+surface)\b", re.IGNORECASE)
"""A depth written after its figure ("450 metres (1,475 feet) underground")."""
_CLIMBED_TO = re.compile(r"\b(?:climbed|climbing|rose|gained|reached|flying|flew|cruising)\s+(?:to\s+|at\s+)?"
                         r"(?:only\s+|just\s+|barely\s+)?(?:about\s+|around\s+|some\s+|roughly\s+)?$", re.IGNORECASE)
"""How high an aircraft got ("climbed to only about 625 feet", "flying at about 300 feet")."""

_TRAVELLED = re.compile(r"\b(?:drove|driven|driving|travelled|traveled|ploughed|plowed|sped|careered|careened|"
                        r"raced|hurtled|dragged|skidded|slid)\s+(?:for\s+)?(?:about\s+|some\s+|around\s+|roughly\s+|"
                        r"nearly\s+|almost\s+|more\s+than\s+)?$", re.IGNORECASE)
_THROUGH = re.compile(r"[^,;.]{0,25}?\b(?:through|along|across|into|down|before)\b", re.IGNORECASE)
"""How far a vehicle went through a crowd or along a road ("drove about 400 metres through
the crowd", "skidded 300 metres before it stopped"): one figure per story."""

_PART_OF = re.compile(r"\s*(?:\w+\s+)?of\s+(?:the|those|them)\b", re.IGNORECASE)
_LONG = re.compile(r"\s*(?:km|kilomet\w*|miles?|mi|metres?|meters?|m|feet|ft)?\b\.?\s*(?:\([^)]{0,30}\)\s*)?long\b",
                   re.IGNORECASE)
_SPANS = re.compile(r"\b(?:spans?|spanning|stretch(?:es|ed)?\s+(?:for\s+)?)\s+(?:(?:about|around|roughly|some|"
                    r"nearly|almost|more\s+than|over)\s+)?$", re.IGNORECASE)
"""A thing's length ("400 metres long", "spans about 300 metres"): one per story."""
_RAIN_AFTER = re.compile(r"\s*(?:mm|millimet\w*|cm|centimet\w*|inch(?:es)?|in)\b\.?\s*(?:\([^)]{0,30}\)\s*)?"
                         r"of\s+(?:rain|rainfall|precipitation|snow)\b", re.IGNORECASE)
_RAIN_BEFORE = re.compile(r"\b(?:rain|rainfall|precipitation|snowfall)\s+(?:totals?\s+)?of\s+"
                          r"(?:(?:up\s+to|about|around|some|nearly|more\s+than|over)\s+)?$", re.IGNORECASE)
"""How much rain fell ("250 mm of rain", "rainfall of 180 mm"): one per story."""
_LEVEL_BEFORE = re.compile(r"\b(?:rose|risen|rising|peaked|crested|reached|stood|hit)\s+(?:to|at)?\s*"
                           r"(?:(?:about|around|some|nearly|more\s+than|over|a\s+record)\s+)?$", re.IGNORECASE)
_WATER = re.compile(r"\b(?:river|water|level|flood|sea|lake|dam|reservoir|tide|surge)s?\b", re.IGNORECASE)
"""A water level a river rose to ("the river rose to 8.2 metres", "peaked at 7.9 metres")."""
_RISE_BEFORE = re.compile(r"\b(?:rose|risen|rising|climbed|climbing|surged|swelled|jumped)\s+"
                          r"(?:(?:about|around|some|nearly|more\s+than|over|almost|roughly)\s+)?$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
"""A proper name right before "rose": a river by its name ("the Valmora rose 8 metres")."""
_RISING_WATER = re.compile(r"\b(?:river|water|waters|headwaters|flood|floodwaters|rain|creek|stream|lake|gauge)s?\b",
                           re.IGNORECASE)
"""How far a river rose ("rose 26 feet in 45 minutes", "the Valmora climbed 22 feet after rain
fell on its headwaters"): another figure than the level it rose to."""
_PLUME_BEFORE = re.compile(r"\b(?:ash|smoke|plume|column|cloud|steam|lava\s+fountains?|flames?|fireball)\b",
                           re.IGNORECASE)
_UPWARD = re.compile(r"\s*(?:km|kilomet\w*|miles?|mi|metres?|meters?|m|feet|ft)?\b\.?\s*(?:\([^)]{0,30}\)\s*)?"
                     r"(?:high\b|tall\b|into\s+the\s+(?:sky|air|atmosphere)\b)", re.IGNORECASE)
"""How high an eruption's or a fire's plume rose ("sending ash 15 km into the sky"): one per story."""
_FELL = re.compile(r"\b(?:fell|falls?|falling|plunged|plunges?|plunging|dropped|drops?|tumbled|tumbling|"
                   r"rolled|plummeted|careered|careening|hurtled|hurtling)\s+(?:down\s+)?"
                   r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to)\s+)?$",
                   re.IGNORECASE)
"""A length a vehicle or person fell ("plunged about 200 metres into a ravine"): one per story."""

_FROM_PLACE = re.compile(
    r"\s*(?:(?:km|kilomet\w*|(?:nautical\s+)?miles?|mi|metres?|meters?|feet|ft)\b\.?\s*)?(?:\([^)]{0,30}\)\s*)?"
    r"(?:(?i:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?)\s+of"
    r"|from|away\s+from|outside|(?:up|down)stream\s+(?:of|from))\s+(?:the\s+)?(?:[a-z]+,?\s+){0,2}"
    r"(?P<place>[A-Z][\w’'-]*[a-z])\b(?!\s+(?:said|says|told|added|reported|announced)\b)"
)
"""A distance from a named place ("60 km southwest of Tarvena", "120 km from the capital
Bhubaneswar", "300 km north of the capital, Valmora"): one slot per story and place. A name
that goes on to speak ("60 km from the city, Tarvena said") is the speaker, not the place."""

_FROM_THING = re.compile(
    r"\s*(?:(?:km|kilomet\w*|(?:nautical\s+)?miles?|mi|metres?|meters?|feet|ft)\b\.?\s*)?(?:\([^)]{0,30}\)\s*)?"
    r"(?:(?i:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?)\s+of"
    r"|from|away\s+from|(?:up|down)stream\s+(?:of|from))\s+(?:the|a)\s+[a-z]"
)
_FROM_LANDMARK = re.compile(
    r"\s*(?:(?:km|kilomet\w*|(?:nautical\s+)?miles?|mi|metres?|meters?|feet|ft)\b\.?\s*)?(?:\([^)]{0,30}\)\s*)?"
    r"(?:(?i:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?)\s+of|from|away\s+from|short\s+of|off)\s+"
    r"(?:the|its)\s+(?P<thing>(?i:runway|airport|airfield|coast|coastline|shore|shoreline|border|epicent(?:re|er)|"
    r"crater|summit|dam|reactor|front\s*line|frontline))\b"
)
"""A distance from a landmark a story has one of ("crashed 3 km from the runway", "40 km off
the coast", "15 km from the border"): named by its common noun, one slot per story and noun."""
_PLACE_IS = re.compile(r"(?P<place>[A-Z][\w’'-]*[a-z])\s+(?:is|lies|sits)\s+"
                       r"(?:(?:about|around|roughly|some|nearly|almost|just|only)\s+)?$")
"""A named place as the subject of a distance to something unnamed ("Tarvena lies about 40 km
south of the border", "the city of Tarvena is 50 miles downstream of the dam"): the distance
is the place's."""

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b(?![-/.]\d)(?!\s*(?:GMT|UTC|Z\b|hours\b|hrs\b|h\b|local\b))")
"""A year, not a 24-hour clock reading ("1800 GMT", "2000 hours")."""
_EARLIER_YEAR = re.compile(r"\b(?:since|in|a|an|the)\s+(?:1[6-9]\d\d|20\d\d)\b(?![-/.]\d)", re.IGNORECASE)
_STATE = r"(?!(?:dead|killed|injured|wounded|hurt|missing|people|persons|others)\b)"
_LISTED = re.compile(r"\s+" + _STATE + r"[a-z]+\s+and\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|a\s+dozen|dozens|scores)\b)", re.IGNORECASE)
""""Three soldiers and two civilians were killed": the first figure of a list counts one group."""
_LISTED_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+"
                            + _STATE + r"[a-z]+\s+and\s+$", re.IGNORECASE)
""""... three soldiers and two civilians": the last figure of a list counts one group too."""
_QUALIFIED = re.compile(r"\s+(?:[A-Z][a-z]+|foreign|local|other|additional)\s+[a-z]", re.UNICODE)


_PLACES_HIT = frozenset({"location", "locations", "site", "sites", "scene", "scenes"})
"""The number of places attacked, as written; "85 targets" and "seven facilities" of one
strike count different things and stay with ``align``."""


_ATTACKERS = "(?:gunman|attacker|assailant|shooter|perpetrator|killer|knifeman|bomber)"
_ATTACKER_WORD = re.compile(rf"\b{_ATTACKERS}\b", re.IGNORECASE)
_ATTACKER_AFTER = re.compile(rf"(?:-year-old)?\s+{_ATTACKERS}\b", re.IGNORECASE)
_BETWEEN_OK = frozenset({"a", "an", "the", "aged", "identified", "named", "as", "by", "police", "officials",
                         "authorities", "was", "is", "had", "has", "been", "later", "of"})
"""Words that may stand between an attacker and his age ("the gunman, identified by police
as 28-year-old Ana Ruiz", "the assailant, aged 34"): nothing that names someone else."""


def attackers_age(text: str, s: int, e: int) -> bool:
    """Whether the age at ``text[s:e]`` is the attacker's: "a 28-year-old gunman", "the
    assailant, aged 34", "identified the gunman as Ana Ruiz, 33". A story has one attacker
    as a rule, so each outlet's first such age is its figure."""
    if _ATTACKER_AFTER.match(text, e):
        return True
    ends = [m.end() for m in _ATTACKER_WORD.finditer(text, max(0, s - 90), s)]
    if not ends:
        return False
    between = re.findall(r"[^\W\d_][\w'’-]*", text[ends[-1]:s])
    return all(w.lower() in _BETWEEN_OK or w[:1].isupper() for w in between)


def lead_key(o: Obs) -> tuple[str, str] | None:
    """The (predicate, noun) a count is a headline figure of, ("time", event) for the clock
    time of a story's accident or hazard, or None."""
    if o.kind == "time":
        return ("time", event_group(o.head)) if o.head in TIMED_EVENTS else None
    if o.kind != "count":
        return None
    if o.head == "length":
        if o.anchor:
            return "size", min(o.anchor)  # "the 948-foot ship", "the 1.6-mile span": that thing's size
        if is_size(o):
            return "size", "length"  # "the 98-foot ferry": the size of the story's subject
        attr = _ATTRIBUTE.search(o.sent.text, max(0, o.start - 30), o.start)
        if attr:
            word = attr.group(1).lower()
            if word in ("height", "elevation") and _AIRCRAFT.search(o.sent.text):
                return "measure", "altitude"  # "the aircraft reached a height of barely 825 feet"
            return "measure", word
        if WAVES_OF.search(o.sent.text, max(0, o.start - 30), o.start) and not MAY_HAPPEN.search(o.sent.text):
            return "measure", "wave"  # "waves of 1.2 metres reached the port", "a tsunami of at least 1.2 m"
        if _UNDERGROUND.match(o.sent.text, o.end):
            return "measure", "depth"  # "trapped some 450 metres underground": how deep, as "at a depth of"
        if _CLIMBED_TO.search(o.sent.text, max(0, o.start - 30), o.start) and _AIRCRAFT.search(o.sent.text):
            return "measure", "altitude"  # "the aircraft climbed to only about 625 feet"
        if _TRAVELLED.search(o.sent.text, max(0, o.start - 30), o.start) and _THROUGH.match(o.sent.text, o.end):
            return "measure", "travelled"  # "drove about 400 metres through the crowd"
        if is_fall(o):
            return "measure", "drop"  # "the bus plunged 200 metres into a gorge": the height it fell
        if _RAIN_AFTER.match(o.sent.text, o.end) or _RAIN_BEFORE.search(o.sent.text, max(0, o.start - 30), o.start):
            return "measure", "rain"  # "250 mm of rain fell", "rainfall of up to 180 mm"
        if (rise := _RISE_BEFORE.search(o.sent.text, max(0, o.start - 25), o.start)) is not None \
                and (_RISING_WATER.search(o.sent.text) or _NAMED_BEFORE.search(o.sent.text, 0, rise.start())):
            return "measure", "rise"  # "the river rose 26 feet in 45 minutes": by how much, not to what level
        if _LEVEL_BEFORE.search(o.sent.text, max(0, o.start - 25), o.start) and _WATER.search(o.sent.text):
            return "measure", "level"  # "the river rose to 8.2 metres", "peaked at 7.9 metres"
        if _PLUME_BEFORE.search(o.sent.text, max(0, o.start - 45), o.start) and _UPWARD.match(o.sent.text, o.end):
            return "measure", "plume"  # "a column of ash 15 km into the sky", "ash up to 3 km high"
        if _LONG.match(o.sent.text, o.end) or _SPANS.search(o.sent.text, max(0, o.start - 30), o.start):
            return "measure", "length"  # "the bridge, which is 400 metres long", "spans about 300 metres"
        place = distance_place(o)
        return ("distance", fold(place)) if place else None
    if o.head in ("area", "speed"):
        return "measure", o.head  # the area burned, the winds' speed: an outlet's first one is its figure
    if o.head == "age":
        return ("age", "attacker") if attackers_age(o.sent.text, o.start, o.end) else None
    if o.head in ("magnitude", "foreigner", "category", "rating", "storey", "floor", "alert", "capacity"):
        # a quake's magnitude, the foreigners among the victims or aboard, a storm's category,
        # a building's height and the floor a fire began on: each outlet's first figure for it
        return o.head, o.head
    if o.head == "attacker" and not _PART_OF.match(o.sent.text, o.end):
        return "number", "attacker"  # "three gunmen stormed", "all four attackers were killed"
    if o.head == "site" and str(o.norm.get("unit", "")).lower() in _PLACES_HIT:
        return "number", "site"  # "shootings at three locations", "one of two sites targeted"
    if o.pred in ("risk", "evacuate:expected"):
        # "40,000 need to be evacuated", "42,000 are at risk": the people under threat (a
        # rarer figure than a toll: an outlet giving it once gives its figure, as for bodies)
        return "risk", "threatened"
    if o.pred not in LEAD_PREDICATES:
        return None
    head = "people" if o.head in PERSON_HEADS or (o.pred == "missing" and o.head == "body") else o.head
    head = SAME_GROUP.get(head, head)  # "22 miners trapped", "19 workers still trapped"
    if head in PEOPLE_GROUPS and o.pred in _GROUP_PREDICATES:
        head = "people"  # "killing 11 climbers", "13 hikers were killed", "the toll rose to 22"
    if o.pred == "arrest":
        head = "people"  # suspects, protesters, people detained: everyone arrested is one figure
    if o.pred == "outage":
        head = "customer"  # homes, households, customers or people without power: one figure per story
    if o.pred in ("recover", "identify") and head == "people":
        head = "body"  # "the bodies of ten people were recovered": ten bodies, as others count them
    return o.pred, head  # the bodies still missing are the people still missing


def is_fall(o: Obs) -> bool:
    """A length something fell ("plunged about 200 metres into a ravine")."""
    return _FELL.search(o.sent.text, max(0, o.start - 30), o.start) is not None


def is_size(o: Obs) -> bool:
    """A length written as an adjective ("the 98-foot ferry"): the size of a thing."""
    return bool(_SIZE.search(o.surface))


def distance_place(o: Obs) -> str | None:
    """The named place a length is a distance from, as written, or None."""
    place = _FROM_PLACE.match(o.sent.text, o.end)
    if place is not None:
        return re.sub(r"[’']s$", "", place.group("place"))  # "60 km from Tarvena's port"
    subject = _PLACE_IS.search(o.sent.text, max(0, o.start - 60), o.start)
    if subject is not None and _FROM_THING.match(o.sent.text, o.end):
        return subject.group("place")  # "Tarvena is 50 miles downstream of the dam"
    landmark = _FROM_LANDMARK.match(o.sent.text, o.end)
    if landmark is not None:
        return "the " + landmark.group("thing").lower()  # "3 km from the runway"
    return None


_RELATIVE_AFTER = re.compile(r",\s+(?:where|which|who|whose)\b")
"""A relative clause after a figure tells of something else, its years included."""


def _past_event(o: Obs) -> bool:
    """The figure's clause names a year before the article's own: it tells of an earlier
    event ("the deadliest since a 1987 cyclone killed 40 people")."""
    lo, hi = clause_of(o.sent.text, o.start, o.end)
    if (rel := _RELATIVE_AFTER.search(o.sent.text, o.end, hi)) is not None:
        hi = rel.start()  # "..., where the team was to parade its first title since 2008": another clause
    ref = o.sent.ref
    if ref is None:  # undated: only a year written as an earlier event's counts
        return bool(_EARLIER_YEAR.search(o.sent.text, lo, hi))
    return any(int(y) < ref.year for y in _YEAR.findall(o.sent.text, lo, hi))


_YEAR_WHEN = re.compile(r"\b(1[6-9]\d\d|20\d\d),?\s+when\b", re.IGNORECASE)
"""A year, then what happened then: "... was in 2009, when a flight went down near the
city, killing 50 people"."""


_OF_A_YEAR_AFTER = re.compile(
    r"[^,;.]{0,30}?\b(?<!built )(?<!opened )(?<!completed )(?<!constructed )(?<!founded )(?:in|of|during)\s+"
    r"(?:(?:the|a)\s+)?(?:[a-z]+\s+){0,3}?(1[6-9]\d\d|20\d\d)\b(?![-/.]\d)")
"""A year right after a figure, its clause unbroken: "the 4.76 metres of the great flood of
1941", "a record of 4.76 metres set during a historic flood in 1941"."""


def told_of_an_earlier_year(o: Obs) -> bool:
    """A figure of another, earlier event: "The last fatal crash was in 2009, when a flight
    went down, killing 50 people" (the clause with the figure does not hold the year, so
    ``_past_event`` alone misses it), "surpassing the 4.76 metres of the great flood of
    1941". Such figures are history, never the story's count. (A year the thing was built
    or opened, "the 1.6-mile bridge, opened in 1977", keeps the figure.)"""
    ref = o.sent.ref
    if ref is None or o.kind != "count":
        return False
    if any(int(m.group(1)) < ref.year for m in _YEAR_WHEN.finditer(o.sent.text, 0, o.start)):
        return True
    after = _OF_A_YEAR_AFTER.match(o.sent.text, o.end)
    return after is not None and int(after.group(1)) < ref.year


_LONG_RUN = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning|outbreak|war|conflict|invasion|pandemic)|the\s+war|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"(?:19|20)\d\d\b|last\s+year)|so\s+far\s+this\s+year|this\s+year|overall|over\s+the\s+past|"
    r"in\s+recent\s+(?:years|months|weeks)|to\s+date)",
    re.IGNORECASE,
)
"""A running total over a longer span than the event ("killed 30,000 since the war began",
"so far this year"): an outlet that leads with it is not giving the event's toll."""


RUN_WINDOW = 60
"""How far after a figure its running-total frame may stand ("killed more than 30,000 people
since the war began"); a "since" further on belongs to another figure of the sentence."""


def _running_total(o: Obs) -> bool:
    lo, hi = clause_of(o.sent.text, o.start, o.end)
    return bool(_LONG_RUN.search(o.sent.text, max(lo, o.start - 30), min(hi, o.end + RUN_WINDOW)))


def _qualified(o: Obs) -> bool:
    """A part rather than the total: "10 foreign passengers", "three other victims", "three
    soldiers and two civilians" (parts named with their verb, "12 of the 68 bodies were
    identified", count what the verb says and are read as such in ``quantities``)."""
    if o.kind != "count":
        return False
    if _LISTED.match(o.sent.text, o.end, o.end + 40) or _LISTED_BEFORE.search(o.sent.text, max(0, o.start - 40),
                                                                                o.start):
        return True
    if o.pred == "injure" and OTHERS_HURT.match(o.sent.text, o.end):
        return False  # "one man was killed and five other people were injured": all the injured
    return o.head != "foreigner" and bool(_QUALIFIED.match(o.sent.text, o.end, o.end + 40))


def _link(a: Obs, b: Obs, idf: Idf) -> float:
    """IDF-weighted context overlap of two headline figures, leaving out the words of the key
    itself (both say "killed": that is why they were paired, not evidence of one event)."""
    key = {a.pred or "", a.head, "people"}
    ca, cb = a.context - key, b.context - key
    if not ca or not cb:
        return 0.0
    wa, wb = sum(idf(w) for w in ca), sum(idf(w) for w in cb)
    shared = sum(idf(w) for w in ca & cb)
    lo, hi = min(wa, wb), max(wa, wb)
    return shared / (lo ** 0.7 * hi ** 0.3)


LEDE_SENTENCES = 4
"""A headline figure in an article's first sentences is the story's own figure, whatever its
words: that is what a lede is for."""

_ELSEWHERE = re.compile(r"\b(?:separate|separately|unrelated|elsewhere|in another|meanwhile)\b", re.IGNORECASE)
"""Words that turn a report to another event: past them, a figure needs shared context."""


def _in_lede(o: Obs, sentences: dict[str, list[Sentence]]) -> bool:
    """The figure stands in the article's lede, with no turn to another event before it."""
    if o.sent.index >= LEDE_SENTENCES:
        return False
    return not any(_ELSEWHERE.search(s.text) for s in sentences.get(o.article, ())
                   if s.index <= o.sent.index)


def _connected(leads: list[Obs], idf: Idf, sentences: dict[str, list[Sentence]], alone: set[str]) -> list[Obs]:
    """The largest set of headline figures linked by their ledes or by shared context;
    ``alone``: articles that give the key's figure once only, linked like ledes."""
    parent = list(range(len(leads)))
    lede = [i for i, o in enumerate(leads) if _in_lede(o, sentences) or o.article in alone]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairwise(lede):
        parent[find(i)] = find(j)
    for i, a in enumerate(leads):
        for j in range(i + 1, len(leads)):
            b = leads[j]
            if a.root != b.root and _link(a, b, idf) >= LINK_THRESHOLD:
                parent[find(i)] = find(j)
    comps: dict[int, list[Obs]] = defaultdict(list)
    for i, o in enumerate(leads):
        comps[find(i)].append(o)
    return max(comps.values(), key=lambda c: (len({o.root for o in c}), len(c)))


def _merge_place_variants(firsts: dict[tuple[str, str], dict[str, Obs]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Distances from "Tarvena" and from "Tarvenna" are distances from one place: the
    variant keys are folded into the first, and the map from each folded key is returned."""
    alias: dict[tuple[str, str], tuple[str, str]] = {}
    places = sorted(k for k in firsts if k[0] == "distance")
    for i, key in enumerate(places):
        into = next((k for k in places[:i] if k in firsts and variant(key[1], k[1])), None)
        if into is not None:
            alias[key] = into
            for art, o in firsts.pop(key).items():
                firsts[into].setdefault(art, o)
    return alias


def _absorb_aligned(slot: list[Obs], key: tuple[str, str], groups: list[list[Obs]], taken: set[int],
                    alias: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Add to ``slot`` the context-aligned groups (from ``align``) that are wholly of its key
    and say nothing new about an article already in it: "about 50 cars derailed" in two
    outlets that ``align`` paired is the same figure as the slot's, however far down the
    articles put it."""
    value_of = {o.article: value_key(o) for o in slot}
    for g in groups:
        rest = [o for o in g if id(o) not in taken]
        if len({o.root for o in rest}) < 2:
            continue
        if any(alias.get(k := lead_key(o), k) != key or _past_event(o) or _qualified(o) for o in rest):
            continue
        if any(o.article in value_of and value_of[o.article] != value_key(o) for o in rest):
            continue
        slot.extend(rest)
        taken.update(id(o) for o in rest)
        for o in rest:
            value_of.setdefault(o.article, value_key(o))


def headline_slots(groups: list[list[Obs]], idf: Idf, sentences: dict[str, list[Sentence]]) -> list[list[Obs]]:
    """``groups`` with each key's headline figures (and their restatements in the same
    article) moved into one slot of their own, when two or more independent outlets give one.
    """
    observations = [o for g in groups for o in g]
    firsts: dict[tuple[str, str], dict[str, Obs]] = defaultdict(dict)
    for o in sorted(observations, key=lambda o: (o.sent.index, o.start)):
        key = lead_key(o)
        if key is None or ("vague" in o.norm and (key[0] not in ("injure", "kill")
                                                  or o.norm["vague"] in _TOO_VAGUE)):
            continue
        if _past_event(o) or _qualified(o) or _running_total(o):
            continue
        firsts[key].setdefault(o.article, o)
    _children_leading(firsts, sentences)
    alias = _merge_place_variants(firsts)
    taken: set[int] = set()
    slots: list[list[Obs]] = []
    for key in sorted(firsts):
        alone: set[str] = set()
        if key[1] != "people" or key[0] in _ALONE_PEOPLE:
            # rarer keys ("bodies identified", "people missing"): one figure in an article is
            # its figure (tolls and injuries recur in background paragraphs, and need a lede)
            per_article = Counter(o.article for o in observations if alias.get(k := lead_key(o), k) == key)
            alone = {art for art, n in per_article.items() if n == 1}
        leads = {o.article: o for o in _connected(list(firsts[key].values()), idf, sentences, alone)}
        if len({o.root for o in leads.values()}) < 2:
            continue
        value_of = {art: value_key(o) for art, o in leads.items()}
        slot = [o for o in observations
                if id(o) not in taken and o.article in value_of and not _past_event(o)
                and (o is leads[o.article]
                     or (alias.get(k := lead_key(o), k) == key
                         and (value_key(o) == value_of[o.article] or _same_figure(o, leads[o.article]))))]
        taken.update(id(o) for o in slot)
        _absorb_aligned(slot, key, groups, taken, alias)
        slots.append(slot)
    if not slots:
        return groups
    _keep_restatements(slots, groups, taken)
    rest = [[o for o in g if id(o) not in taken] for g in groups]
    return [g for g in rest if g] + slots


_LEADING_GROUPS = frozenset({"child", "children"})
"""Victims counted apart from the rest as often as not ("40 people, including 15 children"),
but the whole toll when an outlet leads with them and gives no other ("at least 18
children were killed when fire swept through a school dormitory")."""


def _children_leading(firsts: dict[tuple[str, str], dict[str, Obs]], sentences: dict[str, list[Sentence]]) -> None:
    """An article whose lede counts children, and gives no figure of people for that
    predicate, leads with them: its figure joins the people's key."""
    for (pred, noun), arts in list(firsts.items()):
        if noun not in _LEADING_GROUPS or pred not in _GROUP_PREDICATES:
            continue
        people = firsts[pred, "people"]
        for art, o in arts.items():
            if art not in people and _in_lede(o, sentences):
                people[art] = o
        if not people:
            del firsts[pred, "people"]


def _same_figure(o: Obs, lead: Obs) -> bool:
    """The lead's figure restated with a hedge in the same article ("83 dead" in the
    headline, "at least 83 people have died" in the body): one figure, both sentences its
    evidence."""
    if o.kind != "count" or lead.kind != "count" or "vague" in o.norm or "vague" in lead.norm:
        return False
    n, m = o.norm.get("n"), lead.norm.get("n")
    return n is not None and m is not None and float(n) == float(m) and o.norm.get("op") in ("=", ">=", "~")


def _keep_restatements(slots: list[list[Obs]], groups: list[list[Obs]], taken: set[int]) -> None:
    """A figure ``align`` had paired with a slot's figures, giving one of the slot's values,
    follows them into the slot though it is no headline figure itself ("85 militia sites"
    beside "more than 85 sites"): it can only agree, and left behind it would stand alone."""
    slot_of = {id(o): i for i, slot in enumerate(slots) for o in slot}
    for g in groups:
        into = {slot_of[id(o)] for o in g if id(o) in slot_of}
        if len(into) != 1:
            continue
        slot = slots[into.pop()]
        values = {value_key(o) for o in slot}
        for o in g:
            if id(o) not in taken and value_key(o) in values and not _past_event(o):
                slot.append(o)
                taken.add(id(o))
