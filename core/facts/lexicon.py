"""Generic English news vocabulary the fact engine leans on.

Nothing here names a story's people, places or figures: these lists are the words any
news report uses for bounds ("at least"), vague amounts ("dozens"), calendar terms and
the handful of synonym families ("attack" ~ "strike" ~ "hit") that outlets swap freely
when they describe the same thing. Keeping them in one module makes it plain what the
engine "knows" and what it works out from the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text.lexicon import BOUND_OPS


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return frozenset(text.split())

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}

SCALE_WORDS: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

VAGUE_AMOUNTS: dict[str, tuple[int, int]] = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "several": (3, 9), "a few": (2, 5), "numerous": (5, 999), "tens of thousands": (20_000, 99_999),
    "millions": (2_000_000, 999_999_999),
}
"""Vague quantity words with the range a reader would accept for them."""

BOUNDS: list[tuple[str, str]] = sorted(BOUND_OPS.items(), key=lambda b: -len(b[0]))
"""The shared bound words (``core/text/lexicon.py``), longest first so "more than" wins over "more"."""

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

STOPWORDS = _words(
    """a an the and or but of to in on at by for from with as into onto than that this these those
    which who whom whose what when where while is are was were be been being has have had having do
    does did it its it's he she they them their his her him we our you your i me my not no nor so
    such also after before then there here about over under up down out off against between
    through during without within among amid more most less least very just only even still yet
    all any both each few other some own same too can could may might must shall should will would
    said says say told tells according reported reports reportedly stated added including include
    includes however while though although because if whether one ones s t mr mrs ms dr last next
    new now later earlier first local time times"""
)
"""Words with no discriminating content for lining up claims."""

SPEECH_VERBS = _words(
    """said says say told tell tells stated states announced announces announce declared declares
    added adds claimed claims warned warns insisted insists briefing briefed speaking spoke speak
    wrote writes posted posts tweeted confirmed confirms denied denies reported reports pledged
    pledges vowed vows implored urged urges called calls referencing"""
)
"""Verbs of saying: a date attached to one dates the statement, not the event."""

# Synonym families: outlets swap these freely for the same thing. Each word maps to the
# family head, which is what the aligner compares.
_FAMILIES: dict[str, str] = {
    "attack": """attack attacks attacked attacking strike strikes struck striking hit hits hitting
        assault assaults assaulted raid raids raided airstrike airstrikes bombing bombings bombed
        shelling shelled ambush ambushes ambushed""",
    "kill": """kill kills killed killing killings dead death deaths die died dying fatalities
        fatality slain drowned slew slay slays slaying perished perish perishing martyred""",
    "tornado": "tornado tornadoes twister twisters",
    "storm": "storm storms hurricane hurricanes typhoon typhoons cyclone cyclones tempest tempests superstorm landfall",
    "injure": "injure injured injuring injury injuries wound wounded wounding hurt",
    "troops": """troops troop soldiers soldier servicemembers reservists marines personnel
        forces""",
    "people": "people persons individuals",
    "site": "site sites target targets location locations facilities facility",
    "us": "us u.s. american americans america",
    "base": "base bases outpost outposts position positions",
    "missile": "missile missiles rocket rockets",
    "drone": "drone drones uav uavs",
    "home": "home homes house houses building buildings structure structures dwelling dwellings",
    "inmate": "inmate inmates prisoner prisoners convict convicts",
    "resident": "resident residents inhabitant inhabitants",
    "boat": "boat boats vessel vessels",
    "weapon": "weapon weapons firearm firearms gun guns",
    "fire": "fire fires blaze blazes inferno infernos",
    "crew": "crew crews crewmembers sailors seafarers seamen",
    "pupil": "pupil pupils schoolchildren schoolboys schoolgirls",
    "vote": "vote votes ballot ballots",
    "arrest": "arrest arrests arrested detain detained detention custody",
    "meeting": "meeting meetings met meet meets talks summit summits",
    "resign": "resign resigns resigned resignation quit quits stepped",
    "rescue": "rescue rescued rescuing rescues saved",
    "evacuate": "evacuate evacuated evacuating evacuation evacuations evacuees fled flee fleeing",
    "displace": "displaced displacement homeless",
    "missing": "missing unaccounted",
    "attacker": """attacker attackers gunman gunmen assailant assailants shooter shooters terrorist terrorists
        militant militants insurgent insurgents hijacker hijackers kidnapper kidnappers""",
    "depart": "depart departs departed departing departure departures",
    "happen": "happen happens happened happening occur occurs occurred occurring",
    "recover": "recovered retrieved recovering",
    "identify": "identified",
    "trap": "trapped stranded",
    "derail": "derail derailed derailing derailment derailments capsized capsizing overturned overturning",
    "crash": "crash crashes crashed crashing collision collisions collided collide",
    "accident": "accident accidents mishap",
    "blackout": "blackout blackouts outage outages",
    "landslide": "landslide landslides mudslide mudslides landslip",
    "sink": "sink sinks sank sunk sinking shipwreck shipwrecks",
    "collapse": "collapse collapses collapsed collapsing burst bursts breached breach",
    "explosion": "explosion explosions explode explodes exploded exploding detonated detonation blast blasts",
    "eruption": "eruption eruptions erupt erupts erupted erupting",
    "flood": "flood floods flooded flooding",
    "shooting": "shooting shootings gunned shot gunfire",
    "stabbing": "stabbing stabbings stabbed",
    "destroy": "destroyed razed flattened damaged",
    "disappear": "disappear disappeared disappears vanished vanish disappearance",
    "aboard": "aboard onboard",
    "crush": "crush crushes stampede stampedes",
    "contain": "contain contained extinguished extinguish doused",
    "reopen": "reopen reopens reopened reopening resume resumes resumed resuming",
    "quake": "earthquake earthquakes quake quakes tremor tremors",
    "usd": "$ usd dollar dollars",
    "gbp": "£ gbp pound pounds sterling",
    "eur": "€ eur euro euros",
}
SYNONYMS: dict[str, str] = {w: head for head, words in _FAMILIES.items() for w in words.split()}

EVENT_HEADS = frozenset(
    {"attack", "kill", "injure", "arrest", "vote", "meeting", "resign", "rescue", "evacuate", "quake", "disappear",
     "depart",
     "derail", "crash", "sink", "collapse", "explosion", "eruption", "flood", "shooting", "stabbing",
     "accident", "reopen", "contain"}
    | _words(
        """explosion explosions blast blasts shooting shootings assassination crash crashes
        collision earthquake quake flood floods flooding fire fires wildfire storm hurricane
        election elections referendum summit meeting meetings talks trial verdict ruling sentencing
        hearing protest protests rally demonstration strike ambush massacre offensive invasion curfew
        ceasefire truce deal agreement launch eruption outbreak fall collapse resignation
        acquisition merger takeover landing incident operation avalanche avalanches landslide
        landslides mudslide mudslides tornado tornadoes typhoon cyclone tsunami blizzard heatwave
        stampede crush riot riots mutiny jailbreak breakout kidnapping abduction hijacking spill
        leak blackout outage cyberattack blaze inferno"""
    )
)
"""Nouns/verbs (family heads included) naming something that happens at a date or time."""

MOVE_VERBS = _words(
    """rose rise rises rising fell fall falls falling climbed climb climbs jumped jump dropped drop
    slipped slip grew grow grows stood stand stands reached reach hit totalled totaled increased
    decreased gained lost added posted reported was were is are at to of by from won win wins took
    take takes secured received got garnered captured polled earned paid made worth"""
)
"""Verbs that move a figure ("revenue rose 12%"): skipped when looking for what is measured."""

PREDICATES = frozenset({"kill", "injure", "arrest", "attack", "rescue", "evacuate", "displace", "missing",
                        "vote", "recover", "identify", "trap", "derail", "destroy", "aboard", "present", "serious"})
"""What a count of people can be a count of: 20 killed and 20 injured are two facts."""

_HARM = ("kill", "injure")
"""Deaths and injuries follow from any kind of event: they never decide which event a date is."""
_VIOLENCE = ("attack", "explosion", "blast", "shooting", "assassination", "ambush",
             "massacre", "offensive", "invasion", "operation", "incident", "strike")
_ACCIDENT = ("derail", "crash", "sink", "collapse", "accident")
"""A vehicle or structure failing: one outlet's ferry "capsized", another's "sank"; a
train "derailed" and "collided"; a dam "collapsed" or "burst"."""
_WIND = ("storm", "tornado")
"""A storm and the tornado it spawned: "the storm touched down at 10:40 p.m." is the twister."""
EVENT_GROUPS: dict[str, str] = {**{h: "violence" for h in _VIOLENCE}, **{h: "harm" for h in _HARM},
                                **{h: "accident" for h in _ACCIDENT}, **{h: "storm" for h in _WIND}}
NEUTRAL_GROUP = "harm"
"""Event heads outlets use for one event ("the attack", "the strike that killed ...")."""


def event_group(head: str) -> str:
    """The group a dated event's head belongs to; dates of different groups never align."""
    return EVENT_GROUPS.get(head, head)

HONORIFICS = _words(
    """mr mrs ms miss dr prof sir dame lord lady haj hajj hajji sheikh shaikh sayyed sayyid imam
    mullah president prime minister secretary general gen maj col lt capt sgt adm cmdr brig
    senator sen rep governor gov mayor judge justice king queen prince princess pope rev father
    chancellor ambassador commissioner"""
)
"""Titles that may precede a name without being part of it."""

ROLE_WORDS = _words(
    """spokesman spokeswoman spokesperson commander leader chief head minister president director
    official officer general secretary deputy envoy ambassador adviser advisor analyst prosecutor
    judge lawyer attorney founder ceo chairman chairwoman mayor governor senator lawmaker
    correspondent reporter editor professor researcher witness resident survivor victim executive
    manager owner coach captain player candidate economist scientist doctor nurse teacher student
    activist campaigner chairperson president premier chancellor negotiator mediator sheriff
    coordinator administrator superintendent inspector colonel lieutenant brigadier admiral
    commodore"""
)
"""Role nouns: "X, spokesman for ..." or "spokesman X" mark X as a person."""

PERSON_CUES_BEFORE = (
    "identified as", "identifying him as", "identifying her as", "named as", "by the name of",
    "known as", "the death of", "the killing of", "death of", "killing of", "according to",
    "quoted", "quoting", "interview with", "arrest of", "funeral of", "wife of", "husband of",
    "son of", "daughter of", "brother of", "sister of",
)

NAME_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "bint", "abu", "abd", "abdul", "abdel", "umm",
                            "van", "von", "de", "da", "di", "del", "der", "den", "la", "le", "du",
                            "dos", "das", "ben", "bar", "mac", "st"})
"""Particles that live inside names; "Abu" and "Abd" are kept distinct on purpose."""

ORG_CUES = _words(
    """command forces force army navy ministry council committee party group agency news house
    office department brigade brigades movement resistance front union organization organisation
    association company corp inc ltd bank university institute center centre court parliament
    assembly government administration police guard guards militia network times post press
    program programme school hospital church mosque airport airbase station foods motors airlines
    airways systems industries holdings partners capital energy pharmaceuticals technologies labs
    media insurance telecom communications electric steel mining entertainment studios records
    games software networks services solutions logistics plc llc gmbh corporation limited fund
    foundation trust club fc united city county province state republic kingdom"""
)
"""A capitalised run ending in one of these is an organisation or place, not a person."""

_DIGIT_RE = re.compile(r"\d")
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""The only non-ASCII characters ``re.IGNORECASE`` matches to an ASCII letter (İ ı ſ K)."""


def may_match(text: str, words: tuple[str, ...], digits: bool = True) -> bool:
    """False only when a case-insensitive pattern that needs a digit (if ``digits``) or one of
    ``words`` (lower-case ASCII) cannot match ``text``: a cheap test that lets most
    sentences skip the large date and count patterns, which try every position."""
    if digits and _DIGIT_RE.search(text):
        return True
    low = text.lower()
    if any(w in low for w in words):
        return True
    return not text.isascii() and not FOLDS_TO_ASCII.isdisjoint(text)


WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*")
"""A written word: letters of any Latin script ("Gmünd", "Łódź"), inner apostrophes, dots
and hyphens ("Iran-backed", "U.S."): an accented name must not break into fragments
("gm", "nd") that match every other accented name."""


@lru_cache(maxsize=32768)
def canon(word: str) -> str:
    """The family head of a word (or the word itself, crudely singularised)."""
    w = word.lower().strip("'’.-").replace(".", "")
    if w.endswith("’s") or w.endswith("'s"):
        w = w[:-2]
    if w in SYNONYMS:
        return SYNONYMS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us"):
        return SYNONYMS.get(w[:-1], w[:-1])
    return w


def content_words(text: str) -> list[str]:
    """Canonical content words of a text, in order, without stopwords and bare numbers."""
    return [w for _, w in content_tokens(text)]


@lru_cache(maxsize=8192)
def content_tokens(text: str) -> tuple[tuple[int, str], ...]:
    """``content_words`` with the offset each word starts at (cached: copies repeat text)."""
    out = []
    for m in WORD_RE.finditer(text):
        heads = _word_heads(m.group())
        if heads:
            start = m.start()
            for w in heads:
                out.append((start, w))
    return tuple(out)


@lru_cache(maxsize=32768)
def _word_heads(word: str) -> tuple[str, ...]:
    """The content heads of one written word ("Iran-backed" → "iran", "back"); cached, as a
    story repeats its vocabulary from sentence to sentence."""
    out = []
    low = word.lower()
    if not low.isascii():
        low = fold_accents(low)  # "Gmünd" and "Gmund" are one word, as outlets write it both ways
    for w in low.replace("’", "'").split("-"):
        if w.endswith("'s"):
            w = w[:-2]
        w = w.strip("'.")
        if w in STOPWORDS or w in NUMBER_WORDS or len(w) < 2:
            continue
        out.append(_canon_cached(w))
    return tuple(out)


_NO_DECOMPOSITION = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss",
                                   "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ı": "i",
                                   "þ": "th", "Þ": "Th"})
"""Letters Unicode gives no base letter, as English-language papers write them ("Jørgen" as
"Jorgen", "Yılmaz" as "Yilmaz", "Łódź" as "Lodz")."""


def fold_accents(word: str) -> str:
    """``word`` without its diacritics ("münd" → "mund", "Jørgen" → "Jorgen")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.translate(_NO_DECOMPOSITION))
                   if not unicodedata.combining(c))


@lru_cache(maxsize=32768)
def _canon_cached(word: str) -> str:
    return canon(word)


STRUCTURES = _words(
    "bridge dam tunnel building tower block skyscraper stadium arena church cathedral mosque temple "
    "school university hospital factory plant refinery mine reactor station terminal airport port "
    "harbour harbor pier road highway motorway expressway railway line canal pipeline hotel mall "
    "market prison jail museum library theatre theater palace castle fort lighthouse barrage "
    "embankment levee ship vessel ferry liner tanker span viaduct overpass flyover complex"
)
"""General nouns of built things (and vessels) whose year of building reports give."""


MAY_HAPPEN = re.compile(r"\b(?:could|may|might|would|warned|warning\s+of|forecast|expected|predicted)\b",
                        re.IGNORECASE)
"""Words of what may yet happen ("waves of up to 5 metres could hit"): a warning, no figure reached."""
WAVES_OF = re.compile(r"\b(?:waves?|tsunami|swells?)\s+(?:of\s+)?$", re.IGNORECASE)
"""A figure right after "waves of", "a tsunami of": how high the waves were."""
