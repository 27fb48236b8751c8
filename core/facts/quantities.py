"""Counts in a sentence, with their bound and the noun they count.

The aligner needs more than the number: "at least 40 times" counts the verb before it
("attacked"), "60 government-run relief sites" counts sites, and "strikes – reportedly
amounting to over 70" counts the noun before it. This module reads those from the text
so facts line up on what is counted, whatever the claim extractor put in ``normalized``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    BOUNDS,
    EVENT_HEADS,
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    VAGUE_AMOUNTS,
    _words,
    canon,
    may_match,
)
from .scan import find_at_words

UNIT_NOUNS = _words(
    """people men women children personnel clergy crew aircraft cattle sheep fish times dead injured wounded missing
    percent per cent km kilometres kilometers kilometre kilometer miles mile metres meters metre meter feet foot
    ft mm cm tonnes tons kg pounds
    dollars euros hectares acres degrees"""
)
_CURRENCY_WORDS = _words(
    """tenge rupees rupee naira pesos peso shillings dinars dirhams riyals yuan yen won lira rand kwacha cedis
    taka afghanis kyat baht ringgit rupiah dong hryvnias rubles roubles francs kronor kroner krona crowns lei
    zloty forint reais soles bolivianos manat lari"""
)
UNIT_NOUNS |= _CURRENCY_WORDS
"""Counted nouns that do not end in -s (or are units), accepted after a number; currencies
among them ("3 million tenge" is money, never 3 million people injured)."""
CURRENCIES = frozenset(map(canon, _CURRENCY_WORDS | {"dollars", "euros", "pounds"}))
"""Currencies, as ``canon`` spells them: money is never a count of people."""

_NUMWORD = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_AMOUNTS), key=len, reverse=True))
_BOUND = "|".join(re.escape(b) for b, _ in sorted(BOUNDS, key=lambda b: -len(b[0])))
_SCALE = "|".join([*SCALE_WORDS, "dozen"])
_SCALE_ALIASES = {"bn": "billion", "mn": "million", "m": "million"}

COUNT_RE = re.compile(
    rf"(?<![\w$£€.:-])(?:(?P<bound>{_BOUND})\s+)?"
    rf"(?:(?P<cur>[$£€])\s?)?"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u2009\u202f]\d{{3}})+(?![\d,]|\.\d)|\d+(?:\.\d+)?)"
    rf"|(?:an?\s+(?=dozen\b))?(?P<word>(?:{_NUMWORD})(?:-(?:{_NUMWORD}))?)"
    rf"(?P<hundred>\s+hundred(?:\s+(?:and\s+)?(?P<rest>(?:{_NUMWORD})(?:-(?:{_NUMWORD}))?))?)?"
    rf"|(?P<vague>{_VAGUE}))"
    rf"(?:\s+(?P<scale>{_SCALE})|(?P<short>bn|mn)|(?<=[$£€]\d)(?P<short_m>m)|(?<=[$£€]\d\d)(?P<short_m2>m)|(?(cur)(?P<short_m3>m)|(?!))|(?<=\d)(?P<short_m4>m)(?=\s+(?:people|children|men|women|[a-z]{{3,}}s)\b))?"
    rf"(?P<pct>\s?%)?(?![\w:/-])",
    re.IGNORECASE,
)

_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
"""Before "4.2m customers" a determiner makes the "m" metres ("the 10m waves")."""

_COUNT_WORDS = tuple(w for w in NUMBER_WORDS if " " not in w) + tuple(VAGUE_AMOUNTS)
"""Without a digit, every count, age or magnitude holds one of these words."""

_COUNT_STARTS = frozenset(
    [w for w in NUMBER_WORDS if " " not in w]
    + [w.split()[0] for w in VAGUE_AMOUNTS]
    + [b.split()[0].rstrip(".") for b, _ in BOUNDS]
)
"""The first word of every ``COUNT_RE`` match that starts with neither a digit nor a currency
sign (a number word may carry "bn"/"mn": "fivebn")."""

_HOTLINES = frozenset({"911", "999", "112", "000", "111", "100", "108", "119", "110"})
_HOTLINE_AFTER = re.compile(r"\s*(?:emergency\s+)?(?:calls?|callers?|dispatch\w*|operators?|lines?|centre|center|"
                            r"services?|number)\b", re.IGNORECASE)
"""Emergency numbers before "call", "dispatcher", "line": a number to dial, never a figure."""
_END_OF_PHRASE = _words(
    """of and or but nor in on at by for from with to into onto than that which who whom whose
    is are was were be been being has have had do does did will would can could may might must
    shall should said says told according after before since during while when where as if
    across over among throughout"""
)
"""Words that end the noun phrase after a number: past them the count has no noun."""

AGE_RE = re.compile(r"\b(?:(?P<n>\d{1,3})-year-old|(?:aged|age)\s+(?P<n2>\d{1,3}))\b"
                    r"|\b(?:suspect|shooter|gunman|attacker|assailant|driver|pilot),\s+(?P<n3>\d{1,2}),")
"""An age: "a 24-year-old man", "aged 24", and after a role in commas ("the shooter, 24,")."""
ORDINALS = {"ground": 0} | {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
     "twentieth"], start=1)}
STOREYS_RE = re.compile(rf"\b(?P<n>\d{{1,3}}|{_NUMWORD})[- ](?:storey|story|floor)(?:ed)?\b(?![- ](?:of|up))",
                        re.IGNORECASE)
"""A building's height in floors ("a 24-storey tower", "the 22-story block"): one figure per story."""
TEMPERATURE_RE = re.compile(
    rf"(?:(?<![\w$£€.:-])(?P<bound>{_BOUND})\s+)?(?<![\w.,])(?P<n>-?\d{{1,3}}(?:\.\d)?)"
    r"(?:\s*[°º]\s*|\s+degrees?\s+|-degree\s+)?(?P<scale>(?-i:C|F)|Celsius|centigrade|Fahrenheit)\b",
    re.IGNORECASE)
"""A temperature with its scale ("46.2C", "40°C", "104 degrees Fahrenheit", "115F"): outlets
give a heat record in one scale or the other, and "40C (104F)" is one reading."""
SPEED_GLUED_RE = re.compile(rf"(?:(?<![\w$£€.:-])(?P<bound>{_BOUND})\s+)?(?<![\w.,$£€])"
                            r"(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?P<unit>mph|kph|kmh|km/h)(?![\w/])", re.IGNORECASE)
ALERT_RE = re.compile(r"\balert(?:\s+level)?\s+(?:(?:was\s+)?(?:raised\s+|lowered\s+)?(?:to|at|of)\s+)?(?:level\s+)?"
                      r"(?P<n>[1-5]|one|two|three|four|five)\b(?![.,]\d|\s*(?:%|per\s*cent|people|km|miles))",
                      re.IGNORECASE)
"""A volcano's or a storm's alert level ("raised the alert level to 4", "raised the alert to
level 3", "alert level four"): the figure agencies set and outlets misreport."""
CAPACITY_RE = re.compile(rf"\b(?P<n>\d{{1,3}}|{_NUMWORD})[- ](?:person|people|seat|seater|passenger|berth)\b"
                         r"(?=\s+(?:[a-z-]+\s+)?(?:cabin|car|gondola|boat|bus|coach|minibus|plane|aircraft|"
                         r"helicopter|ferry|vessel|van|capsule|pod|raft|craft|lift|elevator)s?\b)", re.IGNORECASE)
"""What a vehicle holds ("the eight-person cabin", "a 14-seater minibus"): outlets copy it wrong."""
FLOOR_RE = re.compile(r"\b(?:on|from|at|to|in)\s+the\s+(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<word>" + "|".join(ORDINALS)
                      + r"))[\s-]+(?:floor|storey|story)\b", re.IGNORECASE)
"""The floor something happened on ("started on the 12th floor", "from the fourth floor", "in
the ground-floor warehouse": the ground floor is floor 0)."""
RATING_RE = re.compile(r"\b[Cc]ategory[- ](?P<cat>[1-5])\b(?![.,]\d)|\bEF-?(?P<ef>[0-5])\b(?![.,]\d)"
                       r"|(?<=rated\s)(?:an\s)?F-?(?P<f>[0-5])\b|\bF-?(?P<f2>[0-5])(?=\s+(?:tornado|twister))")
"""A storm's category ("a Category 4 hurricane") or a tornado's rating on the (Enhanced)
Fujita scale ("rated EF-3", "an F4 tornado"): the figure forecasters and outlets dispute."""
MAGNITUDE_RE = re.compile(
    r"\b(?P<n>\d{1,2}(?:\.\d)?)-magnitude\b"
    r"|\bmagnitude-(?P<n2>\d(?:\.\d)?)(?!\.?\d)"
    r"|\bmagnitude\s+at\s+(?P<n3>\d(?:\.\d)?)(?!\.?\d)"
    r"|(?<![\w.])(?P<n4>\d\.\d)\s+(?:(?:earth)?quake|tremor)\b",
    re.IGNORECASE,
)
"""Magnitudes written without a unit word the counts recognise: "6.8-magnitude",
"magnitude-6.8", "put the magnitude at 6.8", "a powerful 6.8 earthquake"."""
_MAGNITUDE_BEFORE = re.compile(
    r"(?i)\b(?:magnitude(?: of)?|magnitude-|measuring|measured|richter(?: scale)?(?: of)?)\s*-?\s*$")
_MAGNITUDE_AFTER = re.compile(r"(?i)\s*(?:-\s*)?magnitude\b|\s+on\s+the\s+richter\s+scale\b")

_WHOLE_OF = re.compile(r"(?:(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                       r"[a-z]+ty))\s+of|\bout\s+of)\s+(?:the\s+)?(?:[a-z]+(?:'s|’s)\s+)?$", re.IGNORECASE)
"""The whole a part was taken from: "two of the 68 bodies", "11 of the country's 14 regions"."""
WHOLE = "whole"
"""The predicate of a figure a part was taken from when nothing says what happened to it."""
_PARTITIVE_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the|those|them|these|its|their|his|her|our|[a-z]+(?:'s|’s))\b",
                           re.IGNORECASE)
_PARTIAL = re.compile(r"\s+(?:other|more|additional|further|extra|others)\b", re.IGNORECASE)

OTHERS_HURT = re.compile(r"\s+(?:others|other\s+(?:people|persons|individuals|victims|festival-goers|[a-z]+ers))\s+"
                          r"(?:(?:were|have\s+been|had\s+been|are)\s+)?(?:\w+ly\s+)?"
                          r"(?:injured|wounded|hurt)\b", re.IGNORECASE)
""""Killing five; 10 others were wounded", "one man was killed and five other people were
injured": after a death toll, the others are everyone hurt, the whole injured figure (while
"two others died" adds to the toll, a part)."""
TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_BACKREF_RE = re.compile(r"(amounting|amounted|totalling|totaling|numbering|reaching|put at|estimated at)\W")


@dataclass(frozen=True)
class Count:
    """One count: offsets are relative to the text it was read from."""

    start: int
    end: int
    surface: str
    op: str
    n: float | None
    vague: str | None
    lo: float
    hi: float
    noun: str | None
    """The counted noun as a family head ("troops", "site"), or the verb family for "times"."""
    unit: str | None
    """The word as written after the number ("times", "soldiers")."""
    pred: str | None = None
    """What happened to what is counted when the wording itself says it ("the death toll rose
    to 40", "40 died", "wounding 12 more"): set by the rule that read the count, else the
    aligner looks for a predicate around the figure."""


def _value(m: re.Match[str]) -> tuple[float | None, str | None]:
    if m.group("vague"):
        return None, m.group("vague").lower()
    if m.group("digits"):  # "1,284", "500 000" (spaced thousands), "4.5"
        n = float(re.sub(r"[,\s\u00a0\u2009\u202f]", "", m.group("digits")))
    else:
        parts = m.group("word").lower().split("-")
        n = float(sum(NUMBER_WORDS[p] for p in parts))
        if m.group("hundred"):  # "two hundred and eighty-one"
            n *= 100
            if m.group("rest"):
                n += sum(NUMBER_WORDS[p] for p in m.group("rest").lower().split("-"))
    if m.group("scale"):
        n *= SCALE_WORDS.get(m.group("scale").lower(), 12)  # "two dozen": 24
    elif m.group("short"):
        n *= SCALE_WORDS[_SCALE_ALIASES[m.group("short").lower()]]
    elif m.group("short_m") or m.group("short_m2") or m.group("short_m3") or m.group("short_m4"):
        n *= SCALE_WORDS["million"]
    return n, None


def _range(op: str, n: float | None, vague: str | None) -> tuple[float, float]:
    """What values the statement allows, used to tell compatible wordings from conflicts."""
    if vague:
        lo, hi = VAGUE_AMOUNTS[vague]
        return float(lo), float(hi)
    assert n is not None
    return {
        "=": (n, n), ">=": (n, n * 1.5 + 5), ">": (n + 1e-9, n * 1.5 + 5), "<=": (n * 0.5, n),
        "<": (n * 0.5, n - 1e-9), "~": (n * 0.9, n * 1.1), "~<": (n * 0.85, n),
    }[op]


_NOT_MEN = frozenset({"specimen", "abdomen", "regimen", "stamen", "acumen", "albumen", "bitumen", "dolmen"})
"""Singular words ending in -men, unlike "gunmen" and "firemen"."""


def _is_noun(tok: str, nxt: str | None) -> bool:
    low = tok.lower()
    if low in STOPWORDS and low not in {"times", "people"}:
        return False
    if low in UNIT_NOUNS or (low.endswith("men") and len(low) > 5 and low.isalpha() and low not in _NOT_MEN):
        return True  # "three gunmen", "40 firemen", "two policemen"
    if tok[0].isupper():
        # "three Americans were killed": a capitalised plural counts when no noun follows.
        if tok.isupper() or not low.endswith("s") or low.endswith("ss"):
            return False
        return nxt is None or not nxt[0].isalpha() or nxt.lower() in STOPWORDS or nxt.endswith("ed")
    return low.endswith("s") and not low.endswith(("ss", "ous", "is")) and len(low) > 3


def _noun_after(text: str, pos: int) -> str | None:
    toks = TOKEN_RE.findall(text[pos:pos + 80])
    if toks and toks[0].lower() == "of":  # "dozens of sites"
        toks = toks[1:]
        if toks and toks[0].lower() == "the":
            toks = toks[1:]
    for i, tok in enumerate(toks[:5]):
        if not tok[0].isalpha():
            if tok in "-–":
                continue
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and tok.lower() in ("dead", "injured", "wounded", "missing") and nxt[0].islower() \
                and _is_noun(nxt, None):
            continue  # "42 dead bodies", "12 injured workers": the noun follows
        if _is_noun(tok, nxt):
            return tok
        if tok.lower() in _END_OF_PHRASE:
            return None
    return None


def _noun_before(text: str, pos: int) -> str | None:
    toks = TOKEN_RE.findall(text[max(0, pos - 70):pos])
    for tok in reversed(toks[-9:]):
        if tok[0].isalpha() and tok[0].islower() and _is_noun(tok, None):
            return tok
    return None


def _verb_before(text: str, pos: int) -> str | None:
    """For "N times": the nearest event verb before the number ("attacked", "hit")."""
    toks = TOKEN_RE.findall(text[max(0, pos - 160):pos])
    for tok in reversed(toks):
        low = tok.lower()
        head = canon(low)
        if (head in EVENT_HEADS or low.endswith("ed")) and low not in STOPWORDS:
            return head
    return None


_FOREIGN_OF = frozenset({"nationals", "citizens", "passengers", "tourists", "visitors", "travellers",
                         "travelers", "workers", "students", "victims"})
"""People counted as "foreign X" are counted as foreigners, the word other outlets use."""

_SPEED = re.compile(r"\s*((?:km|kilomet(?:re|er)s?|miles?|metres?|meters?|m)\s*(?:/\s*h(?:r|our)?\b|per\s*hour\b)"
                    r"|kph\b|kmph\b|mph\b|knots\b)", re.IGNORECASE)
"""A speed, not a length: "winds of 140 km/h", "gusts of 120 mph"."""

_PERSON_UNITS = frozenset({"people", "persons", "individuals", "others", "passengers", "residents", "civilians",
                           "villagers", "workers", "children", "soldiers", "pilgrims", "migrants", "tourists",
                           "victims"})
_LOST_LIVES = re.compile(r"\s+(?:[a-z]+\s+){0,3}?(?:have\s+|had\s+)?lost\s+(?:their|his|her)\s+li(?:ves|fe)\b",
                         re.IGNORECASE)
"""People who "lost their lives" were killed."""

_HOSPITAL_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:were|was|have\s+been|had\s+been|are|being)\s+(?:also\s+|later\s+)?"
    r"(?:admitted|taken|rushed|airlifted|flown|sent)\s+to\s+(?:(?:a|the|local|nearby|several|two|three)\s+)*"
    r"hospitals?\b", re.IGNORECASE)
"""People taken to hospital were hurt: "140 people were admitted to hospital"."""
_HOSPITAL_BEFORE = re.compile(r"\b(?:sent|sending|sends|rushed|rushing|put|putting|puts|landed|landing|lands)\s+"
                              r"(?:(?:about|around|some|nearly|almost|more\s+than|over|at\s+least)\s+)?$",
                              re.IGNORECASE)
_TO_HOSPITAL = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:to|in)\s+(?:(?:a|the|local|nearby|several|two|three)\s+)*"
                          r"hospitals?\b", re.IGNORECASE)
""""The blast killed two workers and sent 42 people to hospital": the 42 were hurt, whatever
the verb before the "and" did to the others."""

_FORCED_OUT = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:were|was|have\s+been|had\s+been|are)\s+(?:forced\s+(?:from|out\s+of|to\s+flee|"
    r"to\s+leave|to\s+evacuate)|(?:moved|taken|led|relocated|ordered)\s+(?:out\s+)?to\s+(?:safety|shelters?|safer\s+"
    r"ground|higher\s+ground))\b", re.IGNORECASE)
"""People forced from their homes or to flee, or moved to safety, were evacuated, as others
word it."""

_NO_POWER_AFTER = re.compile(
    r"\s+(?:(?:homes|households|businesses|customers|people|residents|and|or|[a-z]+)\s+){0,4}?"
    r"(?:(?:were|was|are|is|remain|remained|remains|have\s+been|had\s+been)\s+)?(?:still\s+)?(?:left\s+)?"
    r"(?:without\s+(?:power|electricity)|(?:lost|losing|lose)\s+(?:power|electricity))\b", re.IGNORECASE)
_NO_POWER_BEFORE = re.compile(
    r"\b(?:(?:knock|knocked|knocking|knocks)\s+out|cut|cutting|cuts)\s+(?:off\s+)?(?:power|electricity)\s+"
    r"(?:supplies\s+)?to\s+(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE)
"""Homes or customers without power: the outage figure of a storm ("more than 1 million homes
were without power", "800,000 customers lost power", "knocked out power to 1.2 million")."""

_OFF_TRACKS = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:(?:have|has|had|were|was)\s+)?(?:left|leaving|came\s+off|come\s+off|coming\s+off|"
    r"jumped|jumping|went\s+off|gone\s+off|running\s+off|ran\s+off)\s+the\s+(?:tracks?|rails?)\b", re.IGNORECASE)
""""20 cars left the tracks", "50 of them came off the rails": they derailed."""

_AT_RISK = re.compile(
    r"\s+(?:(?:people|persons|residents|in\s+total|in\s+all|more|others)\s+)?(?:(?:are|were|is|remain|remained)\s+)?"
    r"(?:at\s+(?:high\s+|serious\s+|critical\s+)?risk\b|(?:need|needs|needed|must|will\s+have|would\s+have|"
    r"have|had)\s+to\s+(?:leave|flee|be\s+(?:evacuated|moved|relocated))\b)", re.IGNORECASE)
""""Some 42,000 people are at risk", "about 40,000 people need to be evacuated", "40,000 in
total need to leave": the people under threat, a figure of its own (not those evacuated)."""

_ALIVE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:(?:were|was|have\s+been|had\s+been)\s+)?"
    r"(?:(?:brought|pulled|dug|carried|lifted|hauled|winched|freed|found|taken|rescued)\s+)?(?:(?:out|up|free)\s+)?"
    r"(?:(?:to|from|of|onto)\s+(?:the\s+)?[a-z]+\s+){0,2}alive\b", re.IGNORECASE)
"""People brought out alive were rescued: "nine miners were brought to the surface alive",
"crews pulled 12 people alive from the rubble"."""

_AND_CREW = re.compile(r"\s+passengers\s+and\s+(?:the\s+)?crew\b(?!\s+(?:members?\s+)?(?:of|from)\b)", re.IGNORECASE)
""""212 passengers and crew" counts everyone aboard, as "230 people on board" does."""

_FOREIGN = re.compile(r"\s+(?:[a-z]+\s+)?foreign\s+[a-z]+", re.IGNORECASE)

_PRED_WORDS: dict[str, str] = {
    "died": "kill", "dead": "kill", "killed": "kill", "perished": "kill", "dying": "kill",
    "injured": "injure", "wounded": "injure", "hurt": "injure", "hospitalised": "injure",
    "hospitalized": "injure", "treated": "injure", "missing": "missing", "unaccounted": "missing",
    "trapped": "trap", "stranded": "trap", "evacuated": "evacuate", "rescued": "rescue",
    "arrested": "arrest", "detained": "arrest", "displaced": "displace", "identified": "identify",
    "derailed": "derail", "recovered": "recover", "destroyed": "destroy", "damaged": "destroy",
    "drowned": "kill", "homeless": "displace", "in custody": "arrest",
}
"""Participles and adjectives that say what happened to a bare count of people."""

_STILL_MORE = re.compile(
    r"\s+(?:more|other|others)\s+(?:(?P<noun>people|persons|passengers|bodies|others)\s+)?"
    r"(?:(?:are|were|remain|remained|remains)\s+)?(?:still\s+)?"
    r"(?:(?P<w>missing|unaccounted|trapped)\b|(?:being\s+)?(?P<sought>searched|looked)\s+for\b)",
    re.IGNORECASE,
)
""""Two more people are still missing", "three others remain trapped", "with 12 others still
missing", "10 others are still being searched for": a figure of those still in that state,
not a part added to a total."""

_UNFOUND_AFTER = re.compile(r"\s+(?:bod(?:y|ies)\s+)?(?:are|were|remain|remained|is|was)\s+(?:still\s+)?"
                            r"(?:yet\s+to\s+be|not\s+yet|still\s+to\s+be)\s+(?:found|recovered|located|retrieved)\b",
                            re.IGNORECASE)
_SOUGHT_BEFORE = re.compile(r"\b(?:search(?:ing)?\s+for|looking\s+for|hunt\s+for)\s+(?:the\s+)?"
                            r"(?:remaining\s+|missing\s+|last\s+|other\s+)?$|\bthe\s+remaining\s+$",
                            re.IGNORECASE)
"""Bodies not yet found: "two bodies are yet to be found", "the search for the remaining four
bodies": the figure counts the missing."""

_CARRIED = frozenset({"taken", "rushed", "admitted", "airlifted", "flown", "sent", "brought", "hospitalised"})
_TO_A_HOSPITAL = re.compile(r"\s+(?:to|in)\s+(?:(?:a|the|local|nearby|several|area|two|three)\s+)*hospitals?\b",
                            re.IGNORECASE)
_SUBJECT_PRED = re.compile(
    r"\s+(?:(?:people|persons|others)\s+)?(?:(?:were|was|are|is|have|had|has|remain|remained|remains)\s+)?"
    r"(?:(?:been|being|now|still|also|since|already|so|far|yet|all|feared|reported|reportedly|confirmed|"
    r"believed|presumed)\s+){0,3}"
    r"(?P<w>[a-z]+)\b",
    re.IGNORECASE,
)
"""A bare figure as the subject of what happened to it: "40 died", "12 were injured", "at
least 140 remain trapped", "about 50 feared dead"."""

_VERB_OBJECT = re.compile(
    r"\b(?P<w>killing|killed|wounding|wounded|injuring|injured|evacuating|evacuated|rescuing|rescued|"
    r"arresting|arrested|displacing|displaced)\s+$",
    re.IGNORECASE,
)
"""A bare figure as the object of what was done: "wounding 13 more", "rescued 40"."""

_VERB_PRED = {"killing": "kill", "killed": "kill", "wounding": "injure", "wounded": "injure",
              "injuring": "injure", "injured": "injure", "evacuating": "evacuate", "evacuated": "evacuate",
              "rescuing": "rescue", "rescued": "rescue", "arresting": "arrest", "arrested": "arrest",
              "displacing": "displace", "displaced": "displace"}

_TOLL = re.compile(
    r"\b(?:(?P<kill>(?:death|casualty|fatality)\s+toll|toll|number\s+of\s+(?:the\s+)?"
    r"(?:(?:confirmed|known|reported|recorded|official)\s+)?"
    r"(?:dead|deaths|fatalities|victims|people\s+killed|those\s+killed|lives\s+lost))"
    r"|(?:number|tally|count)\s+of\s+(?:the\s+)?(?P<injure>injured|wounded|injuries|people\s+injured)"
    r"|(?:number|tally|count)\s+of\s+(?:the\s+)?(?P<missing>missing|people\s+missing))\b",
    re.IGNORECASE,
)
"""A toll named before its figure: "the death toll rose to 40", "putting the number of dead at
more than 5,000", "the toll passed 2,000". The figure counts people; the phrase says what
happened to them."""

_GROUP_OF = re.compile(r"\b(crew|team|family|party|convoy|fleet|squad|delegation)\s+of\s+"
                       r"(?:(?:about|around|some|nearly|more\s+than|over|at\s+least)\s+)?$", re.IGNORECASE)
"""A group counted by its size: "a crew of six" counts the crew, as "six crew members" does."""
_NUMBER_OF = re.compile(
    r"\b(?:number|tally|count|total)\s+of\s+(?:the\s+)?(?:(?:suspected|confirmed|reported|registered|recorded|"
    r"known|new|daily|infected|affected)\s+)?(?P<noun>people|[a-z]{3,}s)\s+(?:(?P<state>[a-z]+ed|dead|missing|homeless)\s+)?"
    r"(?:(?:in|on|across|at|from|of|near)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,2}\s+){0,3}"
    r"(?:has\s+|had\s+|have\s+)?(?:now\s+)?(?:rose|risen|rises|climbed|climbs|jumped|reached|reaches|stood|stands|"
    r"hit|hits|passed|surpassed|exceeded|increased|grew|swelled|totalled|totaled|was|is)\s+(?:to\s+|at\s+)?"
    rf"(?:(?:{_BOUND})\s+)?$", re.IGNORECASE)
"""A figure named by what it counts before it: "the number of confirmed cases rose to 1,428",
"the number of people evacuated has reached 3,000", "the tally of homes destroyed stood at
more than 400", "the number of climbers killed in the eruption of Mount Valmora in the north
has risen to 13". Tolls ("the number of dead") are read by ``_TOLL``."""

_BRINGING_NUMBER = re.compile(
    r"\b(?:bringing|brought|brings|taking|took|takes|pushing|pushed|raising|raised)\s+(?:the\s+)?(?:total\s+)?"
    r"(?:number|tally|count|total)\s+of\s+(?:the\s+)?(?P<noun>people|[a-z]{3,}s)\s+"
    r"(?:(?P<state>[a-z]+ed|dead|missing|homeless|in\s+custody)\s+)?"
    r"(?:(?:in|on|across|at|from|of|near)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,2}\s+){0,2}"
    rf"to\s+(?:(?:{_BOUND})\s+)?$", re.IGNORECASE)
"""The same figure after "bringing the number of ... to": "bringing the number of people in
custody to two", "taking the number of homes destroyed to 400"."""

_TOLL_WINDOW = 110
"""How far before a figure a toll phrase may stand ("The death toll from the storm that hit
the coast has risen to 41"); no other figure may sit in between."""


def _toll_before(text: str, s: int) -> str | None:
    """The predicate of a toll phrase that introduces the figure at ``s``, if any."""
    window = text[max(0, s - _TOLL_WINDOW):s]
    last = None
    for m in _TOLL.finditer(window):
        last = m
    between = _FROM_FIGURE_TO.sub(" ", window[last.end():]) if last is not None else ""
    if last is None or any(ch.isdigit() for ch in between):
        return None  # another figure stands between ("the toll rose from 41 to 52" is read as 52)
    if re.search(r"[.;:!?]\s", window[last.end():]):
        return None
    return next(k for k in ("kill", "injure", "missing") if last.group(k))


MEASURE_RE = re.compile(
    rf"(?:(?<![\w$£€.:-])(?P<bound>{_BOUND})\s+)?"
    r"(?<![\w.,$£€])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:(?P<hyphen>[-\u2011])(?P<unit>foot|feet|ft|metres?|meters?|m|km|kilometres?|kilometers?|miles?|yards?|inch)"
    r"(?:[-\u2011](?:long|tall|high|deep|wide))?"
    r"|(?P<glued>km|ft|mi|kilometres|kilometers|metres|meters|miles))\b(?!\s*/\s*h|\s*per\s+hour)",
    re.IGNORECASE,
)
"""Measures the count pattern cannot read: hyphenated adjectives ("the 98-foot ferry", "a
50-km stretch") and units glued to the figure ("a depth of 12.5km")."""
MEASURE_UNITS = {"foot": "feet", "feet": "feet", "ft": "feet", "metre": "metre", "meter": "metre",
                  "metres": "metre", "meters": "metre", "m": "metre", "km": "km", "kilometre": "km",
                  "kilometer": "km", "kilometres": "km", "kilometers": "km", "mile": "mile", "miles": "mile",
                  "mi": "mile", "yard": "yard", "yards": "yard", "inch": "inch"}


_PART_WORD = re.compile(r"[\w’'-]+")


def _partitive(text: str, pos: int, any_verb: bool = False) -> tuple[str, str] | None:
    """(noun, predicate) of the figure before "of the …" at ``pos``, or None when no verb
    after the phrase says what happened to that part (with ``any_verb``, the noun alone,
    predicate "")."""
    if _OFF_TRACKS.match(text, pos):
        return "cars", "derail"  # "50 of them left the tracks"
    for m in _PART_WORD.finditer(text, pos, min(len(text), pos + 60)):
        tok = m.group()
        low = tok.lower()
        if low in ("dead", "killed", "victims", "deceased"):
            noun = "people"
        elif tok[0].isalpha() and _is_noun(tok, None) and not low.endswith(("’s", "'s")):
            noun = tok
        else:
            if low in _END_OF_PHRASE:
                return None
            continue
        if any_verb:
            return noun, ""
        pred = _main_verb(text, m.end())
        return (noun, pred) if pred else None
    return None


_PASSIVE = re.compile(r"\b(?:have|has|had|were|was|are|is)\s+(?:been\s+|being\s+|now\s+|since\s+|so\s+far\s+)*"
                      r"([a-z]+)\b")
_DIRECT_VERB = re.compile(r"\s+([a-z]+)\b")


def _main_verb(text: str, pos: int, direct_ok: bool = True) -> str | None:
    """The predicate of the first verb after ``pos`` that says what happened to a counted
    part, past a relative clause ("12 of the 68 bodies that were charred ... have been
    identified")."""
    direct = _DIRECT_VERB.match(text, pos) if direct_ok else None
    if direct is not None and direct.group(1).lower() in _PRED_WORDS:
        return _PRED_WORDS[direct.group(1).lower()]
    for v in _PASSIVE.finditer(text, pos, min(len(text), pos + 90)):
        pred = _PRED_WORDS.get(v.group(1).lower())
        if pred:
            return pred
    return None


_OUT_OF = re.compile(r"\s+(?:[a-z]+\s+){0,2}out\s+of\s+(?:the\s+)?\d[\d,]*")
"""A part named with its whole after the noun: "42 bodies out of 70 recovered"."""


RANGE_RE = re.compile(
    r"(?<![\w$£€.:,-])(?:(?P<between>between)\s+)?(?P<lo>\d{1,3}(?:,\d{3})+|\d+)\s*"
    r"(?:-|–|to|(?(between)and|(?!)))\s*(?P<hi>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,:/-])",
    re.IGNORECASE,
)
"""A range an outlet gives for one figure: "10-12 coaches", "50 to 60 people", "between 50
and 60 were hurt"."""

_NOMINAL = re.compile(r"\b(?P<w>derailment|evacuation|evacuations|arrest|arrests|killing|killings|deaths|rescue|lives)"
                      r"\s+of\s+(?:the\s+)?(?:some\s+|about\s+|around\s+|at\s+least\s+|more\s+than\s+|over\s+)?$",
                      re.IGNORECASE)
"""A figure that is the object of a noun of action: "the derailment of four coaches", "the
evacuation of 2,000 people", "claimed the lives of nine people" (saved lives are rescues)."""
_NOMINAL_PRED = {"derailment": "derail", "evacuation": "evacuate", "evacuations": "evacuate", "arrest": "arrest",
                 "arrests": "arrest", "killing": "kill", "killings": "kill", "deaths": "kill", "rescue": "rescue",
                 "lives": "kill"}


_FOUND_AFTER = re.compile(
    r"\s+(?:bod(?:y|ies)\s+)?(?:(?:have|has|had|were|was|been|being|so|far|now|also|already|since|reportedly)\s+){0,4}"
    r"(?:found|pulled|retrieved|recovered|located|exhumed|brought\s+out)\b", re.IGNORECASE)
_FOUND_BEFORE = re.compile(
    r"\b(?:found|pulled|pulled\s+out|retrieved|recovered|located|exhumed)\s+(?:the\s+)?(?:(?:at\s+least|more\s+than|"
    r"some|about|around|another|a\s+further|over)\s+)?(?:bodies\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
"""Bodies found are bodies recovered, whichever verb an outlet uses ("eight bodies were
found at the site", "divers pulled 37 bodies from the river")."""

_MOVED_UP = re.compile(r"\b(?:gone|went|go|goes|going|moved|shot|jumped|climbed|risen|rose|rises)\s+$", re.IGNORECASE)

_MOVED_FROM = re.compile(r"\b(?:rose|risen|rises|climbed|climbs|jumped|increased|grew|went\s+up|gone\s+up)\s+"
                         r"(?:\w+\s+){0,2}?from\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_FIGURE = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|[a-z]+\b)?\s+to\s+"
                        r"(?:about\s+|around\s+|some\s+|at\s+least\s+|more\s+than\s+|over\s+)?[$£€]?\d",
                        re.IGNORECASE)
"""A figure moved "from X to Y" by any verb: X is where it was, Y where it is."""
_FROM_FIGURE_TO = re.compile(r"\bfrom\s+[\d,.]+\s+to\s+", re.IGNORECASE)
"""A toll that moved "from 41 to 52": the first figure is the one it left behind."""

_SAVED = re.compile(r"\bsav(?:e|es|ed|ing)\b", re.IGNORECASE)
"""Lives saved are rescues ("saved 30 lives", "saved the lives of 30 miners")."""


def _ranges(text: str, skip: list[tuple[int, int]]) -> list[Count]:
    """Ranges with the noun they count; the figure is read as the interval it allows."""
    out = []
    for m in RANGE_RE.finditer(text):
        s, e = m.start(), m.end()
        if any(s < b and a < e for a, b in skip) or _MOVED_FROM.search(text, max(0, s - 60), s):
            continue  # "rose from 3 to 5 percent" is a move, not a range
        lo, hi = float(m.group("lo").replace(",", "")), float(m.group("hi").replace(",", ""))
        if not lo < hi or hi > 1_000_000 or (1900 <= lo <= 2100 and 1900 <= hi <= 2100):
            continue  # "2019-2023" is years; "12-3" a score
        unit = _noun_after(text, e)
        pred = None
        if unit is None:
            bare = _bare_subject(text, s, e)
            if bare is None:
                continue
            unit, pred = bare
        out.append(Count(s, e, m.group(), "range", (lo + hi) / 2, None, lo, hi, canon(unit), unit, pred))
    return out


def _bare_subject(text: str, s: int, e: int) -> tuple[str, str] | None:
    """(unit, predicate) for a figure without a noun whose wording says what it counts."""
    m = _SUBJECT_PRED.match(text, e)
    if m is not None:
        pred = _PRED_WORDS.get(m.group("w").lower())
        if pred is not None:
            return "people", pred
        if m.group("w").lower() in _CARRIED and _TO_A_HOSPITAL.match(text, m.end()):
            return "people", "injure"  # "five were killed and 47 were taken to hospital"
    v = _VERB_OBJECT.search(text, max(0, s - 14), s)
    if v is not None:
        return "people", _VERB_PRED[v.group("w").lower()]
    toll = _toll_before(text, s)
    if toll is not None:
        return "people", toll
    return None


def _floors(text: str, skip: list[tuple[int, int]], out: list[Count]) -> list[Count]:
    """``out`` with the floors ``text`` names ("on the 12th floor", "on the ninth floor")
    in place of any figure read inside them."""
    for m in FLOOR_RE.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip):
            out = [c for c in out if not (c.start < m.end() and m.start() < c.end)]
            n = float(m.group("n") or ORDINALS[m.group("word").lower()])
            out.append(Count(m.start(), m.end(), m.group(), "=", n, None, n, n, "floor", "floor"))
    return out


_DURATIONS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade"})
"""Units of time: "over" before them says during, not more than."""

_ONE_HARMED = re.compile(
    r"\s+(?:(?:other|more)\s+)?(?:man|woman|person|child|boy|girl|baby|teenager|officer|soldier|"
    r"worker|miner|passenger|pilgrim|resident|civilian|student|pedestrian|firefighter|victim)\s+"
    r"(?:(?:was|has|had|is)\s+)?(?:(?:been|also|later|reportedly)\s+)?"
    r"(?:killed|died|dead|injured|wounded|hurt|missing|drowned)\b",
    re.IGNORECASE,
)
"""One person harmed, written as a figure: "one man was killed", "one woman died", "one other
person was injured". Other uses of "one" ("one of the", "one witness said") are no count."""
_ONE_UNIT = re.compile(r"\s+(?:kilomet(?:re|er)s?|km|miles?|metres?|meters?|nautical\s+miles?)\b", re.IGNORECASE)
"""One of a unit of length ("around one kilometre offshore"): a measure, unlike "one of the"."""
_NO_ONE = re.compile(r"\bno\s+$", re.IGNORECASE)
_AND_ANOTHER = re.compile(r"\b(?:and|while)\s+(?:another|a\s+second|two\s+others)\b", re.IGNORECASE)
""""One person died at the scene and another in hospital": the one is not the toll."""

_NTH_DEATH = re.compile(
    r"\b(?:a|the)\s+(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:person|victim|man|woman|child|boy|girl|patient|worker|passenger)\s+"
    r"(?:(?:has|had|later)\s+)*(?:died|succumbed)\b",
    re.IGNORECASE,
)
"""A death that raises the toll, told as its rank: "a second person has died", "the third
victim died in hospital on Sunday": the toll now stands at that rank."""


_FEW_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if 2 <= NUMBER_WORDS[w] <= 20), key=len, reverse=True))
_SERIOUSLY = re.compile(
    r"\b(?P<n>\d{1,4}|" + _FEW_WORDS + r")\s+(?:of\s+(?:the|them|those)\s+(?:\w+\s+)?"
    r"(?:(?:were|are|was|is|remain|remained|remains)\s+(?:still\s+)?)?"
    r"(?:in\s+(?:a\s+)?(?:serious|critical|grave)\s+condition|seriously|critically|in\s+intensive\s+care)"
    r"|of\s+them\s+(?:seriously|critically))\b",
    re.IGNORECASE,
)
"""The seriously hurt among the injured: "nine of the wounded were in serious condition",
"25 injured, 10 of them seriously". A figure of its own, never the injured total."""


_SERIOUS_WORDS = r"(?:seriously|critically|severely|gravely)"
_HURT_WORDS = r"(?:injured|hurt|wounded)"
_SERIOUS_FORMS = re.compile(
    r"\b(?:(?P<bound>at\s+least|more\s+than|about|around|nearly|some)\s+)?(?P<n>\d{1,4}|" + _FEW_WORDS + r")"
    r"(?:\s+(?:people|persons|others|victims|of\s+them|of\s+the\s+\w+))?"
    r"(?:\s+(?:were|was|are|is|have\s+been|had\s+been|has\s+been))?\s+" + _SERIOUS_WORDS + r"\s+" + _HURT_WORDS
    + r"\b|\b" + _HURT_WORDS + r"\s+(?:(?P<bound2>at\s+least|more\s+than|about|around|nearly|some)\s+)?"
    r"(?P<n2>\d{1,4}|" + _FEW_WORDS + r")\s+(?:people|persons|others|victims)\s+" + _SERIOUS_WORDS + r"\b",
    re.IGNORECASE,
)
"""The seriously hurt said with the adverb: "five people were seriously injured", "four were
critically hurt", "wounded at least four others seriously"."""


def _seriously_hurt(text: str, skip: list[tuple[int, int]], out: list[Count]) -> list[Count]:
    """``out`` with the figures of the seriously hurt in place of any count read there."""
    found = [(m.start("n"), m.end("n"), m.group("n"), None) for m in _SERIOUSLY.finditer(text)
             if not any(m.start() < b and a < m.end() for a, b in skip)]
    low = text.lower()
    if any(word in low for word in ("seriously", "critically", "severely", "gravely")):
        for m in _SERIOUS_FORMS.finditer(text):
            g = "n" if m.group("n") else "n2"
            if any(m.start() < b and a < m.end() for a, b in skip) or any(f[0] == m.start(g) for f in found):
                continue
            bound = "bound" if g == "n" else "bound2"
            start = m.start(bound) if m.group(bound) else m.start(g)  # "at least four": the figure as written
            found.append((start, m.end(g), m.group(g), m.group(bound)))
    for a, b, written, bound in found:
        word = written.lower()
        shown = text[a:b]
        n = float(word) if word.isdigit() else float(NUMBER_WORDS[word])
        op = dict(BOUNDS).get(" ".join(bound.lower().split()), "=") if bound else "="
        lo, hi = _range(op, n, None)
        out = [c for c in out if not (c.start < b and a < c.end)]
        out.append(Count(a, b, shown, op, n, None, lo, hi, "people", "people", "serious"))
    return out


def _nth_deaths(text: str, skip: list[tuple[int, int]], out: list[Count]) -> None:
    """Add the tolls ``text`` gives as the rank of the latest death to ``out``."""
    if "died" not in text and "succumbed" not in text:
        return  # the pattern needs one of them: most sentences skip it
    for m in _NTH_DEATH.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip):
            n = float(ORDINALS[m.group("ord").lower()])
            out.append(Count(m.start(), m.end(), m.group(), "=", n, None, n, n, "people", "people", "kill"))


def find_counts(text: str, skip: list[tuple[int, int]] | None = None) -> list[Count]:
    """Every count in ``text`` except those overlapping ``skip`` spans (dates, times)."""
    out: list[Count] = []
    if not may_match(text, _COUNT_WORDS):
        _nth_deaths(text, skip or [], out)  # "a second person has died"
        return _floors(text, skip or [], out) if "floor" in text or "stor" in text else out  # "the ninth floor"
    skip = skip or []
    for m in find_at_words(COUNT_RE, text, _COUNT_STARTS, ("bn", "mn"), "$£€"):
        s, e = m.start(), m.end()
        if any(s < b and a < e for a, b in skip):
            continue
        n, vague = _value(m)
        if n is not None and m.group("digits") and 1900 <= n <= 2100 and "," not in m.group("digits"):
            continue  # a bare year
        if m.group("short_m4") and _DETERMINER_BEFORE.search(text, max(0, s - 8), s):
            continue  # "the 10m waves", "a 2m wall": metres as an adjective, not millions
        one_harmed = None
        if m.group("word") and m.group("word").lower() == "one" and not m.group("bound") \
                and not _ONE_UNIT.match(text, e):
            one_harmed = _ONE_HARMED.match(text, e)
            if one_harmed is None or _NO_ONE.search(text, max(0, s - 4), s) \
                    or _AND_ANOTHER.search(text, one_harmed.end(), one_harmed.end() + 80):
                continue  # "one of the", "no one": rarely a count worth lining up
        if m.group("digits") in _HOTLINES and _HOTLINE_AFTER.match(text, e):
            continue  # "the first 911 calls", "a 999 call": an emergency number, not a count
        if _FROM_BEFORE.search(text, max(0, s - 6), s) and _TO_FIGURE.match(text, e):
            continue  # "the toll rose from 41 to 52", "the rate from 4.25 percent to 4.5": the old figure
        is_whole = _WHOLE_OF.search(text, max(0, s - 30), s) is not None
        part = _PARTITIVE_OF.match(text, e) if vague is None else None
        if part is not None:
            # "two of the dead have been identified", "50 of the train's cars derailed": the
            # figure counts what the verb after the phrase says, not the whole it is part of;
            # "killing 12 of the 40 passengers": or what the verb before it did
            read = _partitive(text, part.end())
            done_to = _VERB_OBJECT.search(text, max(0, s - 14), s)
            if read is None and done_to is not None:
                noun_of = _partitive(text, part.end(), any_verb=True)
                read = (noun_of[0], _VERB_PRED[done_to.group("w").lower()]) if noun_of else None
            if read is None:
                continue
            lo, hi = _range("=", n, None)
            out.append(Count(s, e, m.group(), "=", n, None, lo, hi, canon(read[0]), read[0], read[1]))
            continue
        object_of = _VERB_OBJECT.search(text, max(0, s - 14), s)
        still = _STILL_MORE.match(text, e) if n is not None else None
        if still is not None:
            # "two more people are still missing": the figure is all that still are
            lo, hi = _range("=", n, None)
            unit = still.group("noun") or "people"
            state = "missing" if still.group("sought") else _PRED_WORDS[still.group("w").lower()]
            out.append(Count(s, e, m.group(), "=", n, None, lo, hi, canon(unit), unit, state))
            continue
        if _PARTIAL.match(text, e) and object_of is None and not OTHERS_HURT.match(text, e):
            continue  # "three other soldiers", "two more bodies": a part, not the total
        bound = (m.group("bound") or "").lower()
        op = dict(BOUNDS).get(bound, "=") if bound else "="
        if op == "<=" and _MOVED_UP.search(text, max(0, s - 20), s):
            op = "="  # "the toll has gone up to 36": where it stands, not a ceiling
        if bound == "some" and vague:
            op = "="
        unit = None
        if one_harmed is not None:
            unit = "people"  # "one man was killed": one of the people the toll counts
        elif n is not None and (_MAGNITUDE_BEFORE.search(text[max(0, s - 25):s]) or _MAGNITUDE_AFTER.match(text, e)):
            unit = "magnitude"
        elif m.group("pct"):
            unit = "percent"
        elif m.group("cur"):
            unit = m.group("cur")
        elif (speed := _SPEED.match(text, e)) is not None:
            unit = speed.group(1).lower().replace(" ", "").replace("perhour", "/h")  # "140 km/h": a speed
            if op == "<=":
                op = "="  # "winds of up to 170 mph": the peak, as "peak winds of 155 mph" is
        else:
            unit = _noun_after(text, e)
        noun: str | None
        pred: str | None = None
        if unit is None and _BACKREF_RE.search(text[max(0, s - 40):s]):
            unit = _noun_before(text, s)
        if unit is None and ((named := _NUMBER_OF.search(text, max(0, s - 140), s)) is not None
                             or (named := _BRINGING_NUMBER.search(text, max(0, s - 140), s)) is not None) \
                and not _TOLL.search(named.group()):
            unit = named.group("noun")  # "the number of confirmed cases rose to 1,428"
            pred = _PRED_WORDS.get(" ".join((named.group("state") or "").lower().split()))
        if unit is None and (group := _GROUP_OF.search(text, max(0, s - 25), s)) is not None:
            unit = group.group(1).lower()  # "a crew of six", "a family of five"
        if unit is None and _AT_RISK.match(text, e):
            unit, pred = "people", "risk"  # "40,000 in total need to leave"
        if unit is None or (object_of is not None and unit.lower() in ("more", "others", "other")):
            bare = _bare_subject(text, s, e)
            if bare is None:
                continue
            unit, pred = bare
        if unit.lower() == "others":
            unit = "people"  # "10 others were wounded": the people hurt
        elif unit.lower() == "survivors" and pred is None:
            unit, pred = "people", "rescue"  # "rescuers found 12 survivors": people brought out alive
        low_unit = unit.lower()
        out_of = _OUT_OF.match(text, e)
        if out_of is not None and pred is None:
            pred = _main_verb(text, out_of.end(), direct_ok=False)  # "out of 70 recovered": the whole's verb
        if low_unit == "passengers" and _AND_CREW.match(text, e):
            unit = low_unit = "people"  # "212 passengers and crew": everyone aboard
        if low_unit in _FOREIGN_OF and _FOREIGN.match(text, e):
            unit = "foreigners"  # "15 foreign nationals", "ten foreign tourists": foreigners
        elif low_unit in ("lives", "life"):
            unit, pred = "people", ("rescue" if _SAVED.search(text, max(0, s - 40), s) else "kill")
        elif low_unit in ("bodies", "body") or text[max(0, s - 10):s].lower().endswith("bodies of "):
            unit = "bodies"
            if pred is None and low_unit in ("bodies", "body") and _main_verb(text, e) is None \
                    and (_UNFOUND_AFTER.match(text, e) or _SOUGHT_BEFORE.search(text, max(0, s - 30), s)):
                pred = "missing"  # "two bodies are yet to be found", "the search for the remaining four bodies"
            elif pred is None and (_FOUND_AFTER.match(text, e) or _FOUND_BEFORE.search(text, max(0, s - 40), s)):
                pred = "recover"  # "eight bodies were found", "divers pulled 37 bodies from the river"
        elif pred is None and (nominal := _NOMINAL.search(text, max(0, s - 40), s)) is not None:
            pred = _NOMINAL_PRED[nominal.group("w").lower()]
            if pred == "kill" and _SAVED.search(text, max(0, nominal.start() - 25), nominal.start()):
                pred = "rescue"  # "saved the lives of 30 miners"
        elif pred is None and low_unit in _PERSON_UNITS and _LOST_LIVES.match(text, e):
            pred = "kill"  # "at least 7 people lost their lives"
        elif pred is None and low_unit in _PERSON_UNITS and (
                _HOSPITAL_AFTER.match(text, e)
                or (_HOSPITAL_BEFORE.search(text, max(0, s - 30), s) and _TO_HOSPITAL.match(text, e))):
            pred = "injure"  # "140 people were taken to hospital"
        elif pred is None and low_unit in _PERSON_UNITS and _FORCED_OUT.match(text, e):
            pred = "evacuate"  # "some 200 people were forced from their homes"
        elif pred is None and (_NO_POWER_AFTER.match(text, e) or _NO_POWER_BEFORE.search(text, max(0, s - 50), s)):
            pred = "outage"  # "800,000 customers lost power", "knocked out power to 1.2 million homes"
        elif pred is None and low_unit in _PERSON_UNITS | {"in"} and _AT_RISK.match(text, e):
            pred = "risk"  # "some 42,000 people are at risk", "40,000 in total need to leave"
        elif pred is None and _OFF_TRACKS.match(text, e):
            pred = "derail"  # "20 cars left the tracks"
        elif pred is None and _ALIVE_AFTER.match(text, e):
            pred = "rescue"  # "brought nine miners to the surface alive", "12 were pulled out alive"
        elif pred is None and low_unit in _PERSON_UNITS and _SOUGHT_BEFORE.search(text, max(0, s - 40), s):
            pred = "missing"  # "divers are still searching for eight people"
        elif pred is None and low_unit in ("people", "persons", "individuals", "others"):
            sub = _SUBJECT_PRED.match(text, e)
            if sub is not None and sub.group("w").lower() in _PRED_WORDS:
                pred = _PRED_WORDS[sub.group("w").lower()]
            else:
                pred = _toll_before(text, s)
        if is_whole and pred is None:
            # "twelve of the 68 bodies ... were identified": the verb is the part's; the whole
            # keeps only a predicate written right after it ("one of the three killed")
            sub = _SUBJECT_PRED.match(text, e)
            pred = _PRED_WORDS.get(sub.group("w").lower(), WHOLE) if sub else WHOLE
        if unit.lower() == "times":
            noun = _verb_before(text, s)
            if noun is None:
                continue
        else:
            noun = canon(unit)
        if bound == "over" and noun in _DURATIONS:
            op = "="  # "unfolds over 24 hours", "rain over three days": a span of time, not a floor
        lo, hi = _range(op, n, vague)
        out.append(Count(s, e, m.group(), op, n, vague, lo, hi, noun, unit, pred))
    for m in MEASURE_RE.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip):
            n = float(m.group("n").replace(",", ""))
            unit = MEASURE_UNITS[(m.group("unit") or m.group("glued")).lower()]
            op = dict(BOUNDS).get((m.group("bound") or "").lower(), "=")
            lo, hi = _range(op, n, None)
            out.append(Count(m.start(), m.end(), m.group(), op, n, None, lo, hi, canon(unit), unit))
    for m in MAGNITUDE_RE.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip) \
                and not any(c.start < m.end() and m.start() < c.end for c in out):
            n = float(m.group("n") or m.group("n2") or m.group("n3") or m.group("n4"))
            out.append(Count(m.start(), m.end(), m.group(), "=", n, None, n, n, "magnitude", "magnitude"))
    for m in RATING_RE.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip):
            out = [c for c in out if not (c.start < m.end() and m.start() < c.end)]  # "4" of "Category 4 storm"
            scale = "category" if m.group("cat") else "rating"
            n = float(m.group("cat") or m.group("ef") or m.group("f") or m.group("f2"))
            out.append(Count(m.start(), m.end(), m.group(), "=", n, None, n, n, scale, scale))
    for m in SPEED_GLUED_RE.finditer(text):  # "115mph", "185kph": the unit glued to the figure
        if not any(m.start() < b and a < m.end() for a, b in skip):
            n = float(m.group("n").replace(",", ""))
            op = dict(BOUNDS).get((m.group("bound") or "").lower(), "=")
            op = "=" if op == "<=" else op  # "gusts of up to 115mph": the peak
            lo, hi = _range(op, n, None)
            unit = m.group("unit").lower()
            out.append(Count(m.start(), m.end(), m.group(), op, n, None, lo, hi, canon(unit), unit))
    for m in ALERT_RE.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip):
            out = [c for c in out if not (c.start < m.end() and m.start() < c.end)]
            word = m.group("n").lower()
            n = float(word) if word.isdigit() else float(NUMBER_WORDS[word])
            out.append(Count(m.start(), m.end(), m.group(), "=", n, None, n, n, "alert", "level"))
    for regex, noun, unit in ((STOREYS_RE, "storey", "storeys"), (CAPACITY_RE, "capacity", "seats")):
        for m in regex.finditer(text):
            if not any(m.start() < b and a < m.end() for a, b in skip):
                out = [c for c in out if not (c.start < m.end() and m.start() < c.end)]
                word = m.group("n").lower()
                n = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)
                out.append(Count(m.start(), m.end(), m.group(), "=", n, None, n, n, noun, unit))
    for m in TEMPERATURE_RE.finditer(text):
        if not any(m.start() < b and a < m.end() for a, b in skip):
            out = [c for c in out if not (c.start < m.end() and m.start() < c.end)]  # "115" of "115 degrees F"
            n = float(m.group("n"))
            op = dict(BOUNDS).get((m.group("bound") or "").lower(), "=")
            lo, hi = _range(op, n, None)
            scale = "°F" if m.group("scale")[0] in "Ff" else "°C"
            out.append(Count(m.start(), m.end(), m.group(), op, n, None, lo, hi, "temperature", scale))
    out = _floors(text, skip, out)
    _nth_deaths(text, skip, out)
    if "serious" in text or "critical" in text or "intensive" in text:
        out = _seriously_hurt(text, skip, out)
    for m in AGE_RE.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in skip):
            continue
        n = float(m.group("n") or m.group("n2") or m.group("n3"))
        a, b = (m.start("n3"), m.end("n3")) if m.group("n3") else (m.start(), m.end())
        out = [c for c in out if not (c.start < b and a < c.end)]  # "24" of "the shooter, 24,": an age
        out.append(Count(a, b, text[a:b], "=", n, None, n, n, "age", "years"))
    ranged = _ranges(text, skip)
    if ranged:
        out = [c for c in out if not any(c.start < r.end and r.start < c.end for r in ranged)] + ranged
    out.sort(key=lambda c: c.start)
    return _drop_conversions(text, out)


_CONVERSION_GAP = re.compile(r"[^\S\n]*[A-Za-z\s]{0,30}\(\s*(?:about|around|approximately|roughly|some|nearly|"
                             r"almost|US|U\.S\.|or)?\s*$")
"""What stands between a figure and the same figure converted: "72 kilometres (45 miles)",
"11 million crowns ($990,000)", "1,000 feet (about 300 metres)"."""


def _drop_conversions(text: str, counts: list[Count]) -> list[Count]:
    """The figure in brackets after another figure restates it in another unit or currency;
    it is the same statement, and rounding or exchange rates must not set it against itself."""
    out: list[Count] = []
    for c in counts:
        prev = out[-1] if out else None
        if prev is not None and prev.n is not None and c.n is not None and prev.end <= c.start \
                and _CONVERSION_GAP.fullmatch(text, prev.end, c.start):
            continue
        out.append(c)
    return out
