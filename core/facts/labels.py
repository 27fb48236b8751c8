"""Human-readable fact labels and stable fact ids.

A label names the slot, not a value, as a short phrase built from the outlets' own words:
the counted noun, what happened to it, a prepositional phrase several outlets share, and a
running-total frame ("people killed in the valley since Tuesday", "date of the strike in
the capital"). Generic grammar, no story's vocabulary: see ``phrases``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from .align import Idf
from .leads import attackers_age, distance_place, is_fall, is_size, lead_key
from .lexicon import (
    EVENT_HEADS,
    MOVE_VERBS,
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    _words,
    canon,
)
from .observe import GENERIC_UNITS, MEASURES, Obs, clause_of
from .phrases import Phrase, best_phrase, prep_phrases, since_frame
from .quantities import MEASURE_UNITS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

_PLURAL_HEADS = {"attack": "attacks", "kill": "deaths", "injure": "injuries", "arrest": "arrests",
                 "vote": "votes"}


def shared_words(obs: list[Obs], idf: Idf, limit: int = 4) -> list[str]:
    """Context words most of the slot's sentences share, as written in the first sentence."""
    counts: Counter[str] = Counter()
    for o in obs:
        counts.update(o.context)
    need = 2 if len({o.article for o in obs}) > 1 else 1
    ranked = sorted((w for w, c in counts.items() if c >= need), key=lambda w: (-idf(w) * counts[w], w))
    keep = set(ranked[:limit])
    first = obs[0].sent.text
    out: list[str] = []
    for m in _WORD.finditer(first):
        word = m.group()
        key = canon(word)
        if key in keep and word.lower() not in STOPWORDS and word not in out:
            out.append(word)
            keep.discard(key)
    return out


_PARTICIPLES = {"kill": "killed", "injure": "injured", "arrest": "arrested", "rescue": "rescued",
                "evacuate": "evacuated", "displace": "displaced", "missing": "missing", "identify": "identified",
                "recover": "recovered", "trap": "trapped", "derail": "derailed", "destroy": "destroyed or damaged",
                "aboard": "aboard", "evacuate:expected": "to be evacuated", "outage": "without power",
                "risk": "at risk", "present": "present", "serious": "seriously injured"}
"""How a predicate family reads after the counted noun ("people killed")."""
_STATE_UNITS = {"dead": "killed", "injured": "injured", "wounded": "injured", "missing": "missing"}
"""Units that are themselves the predicate ("43 dead" counts people killed)."""
MAX_LABEL = 72


def _support(obs: list[Obs]) -> dict[str, set[str]]:
    """Canonical word -> the outlets whose sentences in the slot carry it."""
    out: dict[str, set[str]] = {}
    seen: set[int] = set()
    for o in obs:
        if id(o.sent) in seen:  # several values of one sentence: its words count once
            continue
        seen.add(id(o.sent))
        root = o.root
        for _, w in o.sent.tokens:
            have = out.get(w)
            if have is None:
                out[w] = {root}
            else:
                have.add(root)
    return out


def _since(obs: list[Obs], need: int) -> str | None:
    """The running-total frame most outlets state ("since last October"), as written."""
    frames: dict[str, set[str]] = {}
    for o in obs:
        lo, hi = clause_of(o.sent.text, o.start, o.end)
        frame = since_frame(o.sent.text[lo:hi])
        if frame:
            frames.setdefault(frame, set()).add(o.root)
    roots = set().union(*frames.values()) if frames else set()
    if len(roots) < need:
        return None
    return max(frames, key=lambda f: (len(frames[f]), -len(f)))


def _attached_of(o: Obs, unit: str) -> Phrase | None:
    """An "of" phrase right after the counted noun ("members of the ruling party")."""
    text = o.sent.text
    at = text.lower().find(unit, o.end, o.end + 60) if unit else -1
    if at < 0:
        return None
    after = at + len(unit)
    for ph in prep_phrases(text, after, min(len(text), after + 70), after):
        if ph.text.startswith("of ") and ph.distance <= 1:
            return ph
    return None


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def count_label(obs: list[Obs], idf: Idf) -> str:
    """"<counted noun> [of ...] [killed] [in/on ...] [since ...]", from the slot's sentences."""
    units = Counter((o.norm.get("unit") or "").lower() for o in obs)
    unit = units.most_common(1)[0][0]
    head = obs[0].head
    pred = None
    if head == "age":
        if all(attackers_age(o.sent.text, o.start, o.end) for o in obs):
            return "age of the attacker"  # "a 28-year-old gunman", "the assailant, aged 34"
        return _age_label(obs)
    if head in _SCALES and not (head == "attacker" and unit in _FIGHTERS):
        return _SCALES[head]
    if head == "length":
        places = Counter(distance_place(o) for o in obs)
        place = places.most_common(1)[0][0]
        if None not in places:  # a distance slot: "distance from Tarvena (KM / MILE)"
            return f"distance from {place} ({_unit_signs(obs)})"
        if all(is_fall(o) for o in obs):  # "plunged 200 metres into a gorge"
            return f"height of the fall ({_unit_signs(obs)})"
        keys = {lead_key(o) for o in obs} - {None}  # a restatement in other words keys nothing
        if len(keys) == 1 and (key := next(iter(keys))) is not None and key[0] == "size":
            return f"size of the {key[1]} ({_unit_signs(obs)})"  # "the 948-foot ship", "the ship, 984 feet long"
        if len(keys) == 1 and (key := keys.pop()) is not None and key[0] == "measure":
            what = {"plume": "height of the plume", "rain": "rainfall", "level": "water level",
                    "rise": "rise of the water", "wave": "height of the waves",
                    "travelled": "distance travelled"}.get(key[1], key[1])
            return f"{what} ({_unit_signs(obs)})"  # "at a depth of 10 km": "depth (KM)"
        things = Counter(m.group(1).lower() for o in obs if is_size(o) and (m := _NOUN_AFTER.match(o.sent.text, o.end)))
        if things and all(is_size(o) for o in obs):  # "the 21-foot vessel": "size of the vessel (FEET)"
            return f"size of the {things.most_common(1)[0][0]} ({_unit_signs(obs)})"
    if head in GENERIC_UNITS or (unit and not unit[:1].isalpha()):
        return _measure_label(obs, head, idf)
    if unit == "times" or not unit:
        noun = _PLURAL_HEADS.get(head, head + "s")
    elif unit in _STATE_UNITS:
        noun, pred = "people", _STATE_UNITS[unit]
    else:
        noun = unit
    roots = {o.root for o in obs}
    need = 2 if len(roots) > 1 else 1
    preds = Counter(o.pred for o in obs if o.pred and o.pred != head)
    if pred is None and preds and noun not in ("deaths", "injuries") and head not in _MEASURES:
        pred = _PARTICIPLES.get(preds.most_common(1)[0][0])
    support = _support(obs)
    of_phrase = None
    if unit and unit[:1].isalpha() and unit != "times":
        attached = [(o.root, ph) for o in obs if (ph := _attached_of(o, unit)) is not None]
        of_phrase = best_phrase(attached, support, len(roots), idf)
    used = frozenset(canon(w) for w in (of_phrase or "").split()) | {head, canon(unit or head)}
    candidates = []
    for o in obs:
        lo, hi = clause_of(o.sent.text, o.start, o.end)
        candidates.extend((o.root, ph) for ph in prep_phrases(o.sent.text, lo, hi, o.start)
                          if not ph.text.startswith("of "))
    place = best_phrase(candidates, support, len(roots), idf, exclude=used)
    if pred == "aboard" and place and re.match(r"(?:on\s+board|onboard|aboard)\b", place):
        place = None  # "foreigners aboard", not "foreigners aboard on board"
    since = _since(obs, need)
    label = _join(noun, of_phrase, pred, place, since)
    if len(label) > MAX_LABEL:
        label = _join(noun, pred, place, since)
    if len(label) > MAX_LABEL:
        label = _join(noun, pred, place)
    return label if " " in label else f"number of {label}"  # "locations" alone reads as a heading


_SCALES = {"magnitude": "magnitude", "category": "storm category", "rating": "tornado rating (EF scale)",
           "storey": "height of the building (storeys)", "floor": "floor it happened on",
           "attacker": "number of attackers", "alert": "alert level", "capacity": "seats in the vehicle"}
"""Figures whose label is what they measure: a scale, a building's floors, the attackers."""
_FIGHTERS = frozenset({"militant", "militants", "insurgent", "insurgents"})
"""Attackers in a siege, but often those a strike killed: labelled as the outlets write them."""
_NOUN_AFTER = re.compile(r"\s+([a-z]{3,})\b")
_ANY_PERSON = frozenset({"man", "woman", "boy", "girl", "person", "male", "female", "resident", "local", "teenager"})
"""Words after "a 24-year-old" that say nothing about who is meant."""
_APPOSED = re.compile(r"\b(?:the|a|an)\s+([a-z]{3,}),\s+(?:an?|the)\s+$", re.IGNORECASE)
""""The suspect, a 24-year-old man": the role the apposition describes."""


def _age_label(obs: list[Obs]) -> str:
    """"age of the suspect": the person the age describes, from the word after "24-year-old"
    or, where that word says only "man", the role it stands in apposition to."""
    who: Counter[str] = Counter()
    for o in obs:
        text = o.sent.text
        after = _NOUN_AFTER.match(text, o.end)
        word = after.group(1).lower() if after else None
        if word is None or word in _ANY_PERSON:
            role = _APPOSED.search(text, max(0, o.start - 40), o.start)
            word = role.group(1).lower() if role else word
        if word:
            who[word] += 1
    return f"age of the {who.most_common(1)[0][0]}" if who else "age"


def _unit_signs(obs: list[Obs]) -> str:
    """The units a slot's lengths are written in ("KM / MILE"), each once."""
    def sign(unit: str) -> str:
        if unit.startswith("sq "):  # "140 square kilometres": SQ KM
            return "sq " + sign(unit[3:])
        return MEASURE_UNITS.get(unit, canon(unit))

    units = {sign(str(o.norm.get("unit") or "").lower()) for o in obs}
    return " / ".join(sorted(u.upper() for u in units))


def _measure_label(obs: list[Obs], head: str, idf: Idf) -> str:
    """Percentages and sums: what is measured, where, and the unit ("turnout in the runoff
    (% of registered voters)", "bribes (USD)")."""
    roots = {o.root for o in obs}
    support = _support(obs)
    after = [(o, _after_figure(o)) for o in obs]
    of_phrase = best_phrase(((o.root, ph) for o, ph in after if ph and ph.text.startswith("of ")),
                            support, len(roots), idf)
    measured = _measured(obs, [ph for _o, ph in after if ph and ph.text.startswith("in ")])
    sign = "%" if head == "percent" else head.upper()
    if head in MEASURES:  # several units in one slot: name the one most outlets wrote
        sign = _unit_signs(obs)  # each value shows its own unit
    used = frozenset({head, canon(measured or head)}) | frozenset(canon(w) for w in (of_phrase or "").split())
    candidates = []
    for o in obs:
        lo, hi = clause_of(o.sent.text, o.start, o.end)
        candidates.extend((o.root, ph) for ph in prep_phrases(o.sent.text, lo, hi, o.start)
                          if not ph.text.startswith("of ") and ph.distance > 1)
    place = best_phrase(candidates, support, len(roots), idf, exclude=used)
    if head == "temperature":  # each value shows its scale: "46.2C", "115 degrees Fahrenheit"
        return _join(head, of_phrase, place)
    if head in ("area", "speed"):  # "area near Orvello (ACRE / HECTARE)", "speed of the winds (MPH / KM/H)"
        return _join(head, of_phrase, place, f"({sign})")
    if measured:
        return _join(measured, place, f"({_join(sign, of_phrase)})")
    return _join(sign, of_phrase, place)


_UNIT_AFTER = re.compile(r"\s*(?:percent|per cent|percentage points|points|dollars|euros|pounds)?", re.IGNORECASE)


def _after_figure(o: Obs) -> Phrase | None:
    """The phrase right after a figure and its unit ("52% of the vote", "$2m in bribes")."""
    text = o.sent.text
    m = _UNIT_AFTER.match(text, o.end)
    pos = m.end() if m else o.end
    for ph in prep_phrases(text, pos, min(len(text), pos + 70), pos):
        if ph.distance <= 1 and ph.text.startswith(("of ", "in ")):
            return ph
        break
    return None


_MEASURES = GENERIC_UNITS | {"magnitude", "age", "year", "site", "home", "base", "missile", "drone", "vote",
                              "attack", "arrest", "meeting"}
"""Counted things that are not people: nothing is "killed" about a magnitude or a site."""


def _measured(obs: list[Obs], in_phrases: list[Phrase]) -> str | None:
    """What a percentage or sum measures: the common noun just before the figure ("turnout
    reached 61%", "revenue rose 12%"), or after it for money ("$2m in bribes")."""
    words: Counter[str] = Counter()
    for ph in in_phrases:
        last = ph.text.split()[-1]
        if last.islower() and len(ph.text.split()) == 2:
            words[last] += 2
    for o in obs:
        text = o.sent.text
        lo, _hi = clause_of(text, o.start, o.end)
        toks = list(_WORD_AT.finditer(text, max(lo, o.start - 60), o.start))
        for i in range(len(toks) - 1, -1, -1):
            w = toks[i].group()
            low = w.lower()
            if w[0].isupper() or low in STOPWORDS or low in MOVE_VERBS or low in NUMBER_WORDS:
                continue
            if low.endswith(("ed", "ing", "ly")) or canon(low) == o.head or low in SCALE_WORDS:
                continue
            words[_subject(toks, i) or low] += 1
            break
    if not words:
        return None
    return max(words, key=lambda w: (words[w], len(w)))


def _subject(toks: list[re.Match[str]], i: int) -> str | None:
    """For "Turnout in the runoff reached 61%": the noun the phrase hangs on ("turnout"), not
    the last noun before the figure."""
    j = i - 1
    while j >= 0 and toks[j].group().lower() in ("the", "a", "an", "this", "its", "their"):
        j -= 1
    if j >= 1 and toks[j].group() in ("in", "of", "at", "for", "on"):
        w = toks[j - 1].group()
        low = w.lower()
        if (w.islower() or toks[j - 1].start() == 0) and low not in STOPWORDS and low not in MOVE_VERBS \
                and not low.endswith(("ed", "ing", "ly")):
            return low
    return None


_EVENT_NOUNS = {"kill": "killing", "injure": "injuries", "resign": "resignation", "quake": "earthquake",
                "evacuate": "evacuation", "arrest": "arrest", "rescue": "rescue",
                "disappear": "disappearance", "derail": "derailment", "sink": "sinking"}
"""How a dated event's family reads in a label when no noun for it is written nearby."""

_WORD_AT = re.compile(r"[A-Za-z][A-Za-z-]*")
_VERB_FORMS = _words("""struck hit met meet quit stepped saved died die slain hurt dead fell fall
    rose rise shot sank sunk sink burst breach collide explode erupt""")
"""Forms of an event family that are verbs or adjectives, not a noun to name the event by."""


def _event_word(obs: list[Obs], head: str) -> tuple[str, dict[int, int]]:
    """The noun the outlets use for the event ("strike", "airstrike"), and where it sits in
    each sentence (by observation index)."""
    written: Counter[str] = Counter()
    where: dict[int, int] = {}
    for i, o in enumerate(obs):
        text = o.sent.text
        lo, hi = clause_of(text, o.start, o.end)
        best = None
        for m in _WORD_AT.finditer(text, lo, hi):
            w = m.group()
            low = w.lower()
            if w[0].isupper() or low.endswith(("ed", "ing", "s")) or low in _VERB_FORMS or canon(low) != head:
                continue
            d = abs(m.start() - o.start)
            if best is None or d < best[0]:
                best = (d, low, m.end())
        if best:
            written[best[1]] += 1
            where[i] = best[2]
    if written:
        return written.most_common(1)[0][0], where
    # "the earthquake that struck": the verb chose the family, a noun nearby names the event
    for i, o in enumerate(obs):
        text = o.sent.text
        lo, hi = clause_of(text, o.start, o.end)
        for m in _WORD_AT.finditer(text, lo, hi):
            low = m.group().lower()
            if m.group()[0].islower() and low in EVENT_HEADS and low not in _VERB_FORMS \
                    and not low.endswith(("ed", "ing", "s")):
                written[low] += 1
                where.setdefault(i, m.end())
    if written:
        return written.most_common(1)[0][0], where
    return _EVENT_NOUNS.get(head, head), where


def when_label(kind: str, obs: list[Obs], idf: Idf) -> str:
    """"date of the <event> [in/on ...]", in the outlets' own words."""
    heads = Counter(o.head for o in obs if o.head != "event")
    head = heads.most_common(1)[0][0] if heads else "event"
    event, where = _event_word(obs, head) if head != "event" else ("event", {})
    roots = {o.root for o in obs}
    candidates = []
    for i, o in enumerate(obs):
        lo, hi = clause_of(o.sent.text, o.start, o.end)
        anchor = where.get(i, o.end)
        candidates.extend((o.root, ph) for ph in prep_phrases(o.sent.text, lo, hi, anchor)
                          if not ph.text.startswith("of ") or ph.distance <= 1)
    place = best_phrase(candidates, _support(obs), len(roots), idf, exclude=frozenset({head, canon(event)}))
    return _join(f"{'date' if kind == 'date' else 'time'} of the {event}", place)


def fact_id(story: str, label: str, kind: str, salt: str = "") -> str:
    """Stable across runs: a hash of the story, label and kind (plus a salt on collision)."""
    digest = hashlib.sha1(f"{story}\x1f{label}\x1f{kind}\x1f{salt}".encode()).hexdigest()
    return f"f{digest[:12]}"
