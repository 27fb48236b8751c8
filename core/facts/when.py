"""Dates and clock times in a sentence, resolved against the article's publication date.

A date is kept as the range of days it allows ("January 27" is one day, "last month" a
month, "last week" roughly a week) so that wordings of different precision that overlap
are compatible and only ranges that cannot both be true conflict. Weekdays resolve to the
most recent such day on or before publication ("Wednesday" in a Wednesday paper is that
day), or the next one when the wording looks forward ("will meet on Friday"); "last Friday"
is the Friday before, "yesterday" and "last night" the day before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..text import year_for
from .lexicon import MONTHS, WEEKDAYS, may_match
from .scan import find_at_words
from .timezones import national_clock, to_utc, zone_for

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(WEEKDAYS)

DATE_RE = re.compile(
    rf"\b(?:(?P<md_month>{_MONTH})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:[-–](?P<md_day2>\d{{1,2}})\b)?"
    rf"(?:,?\s+(?P<md_year>\d{{4}}))?"
    rf"|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})\.?(?:,?\s+(?P<dm_year>\d{{4}}))?\b"
    rf"|(?P<my_month>{_MONTH})\.?\s+(?P<my_year>(?:19|20)\d\d)\b"
    rf"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    rf"|(?:(?P<wd_mod>last|this|next|past)\s+)?(?P<wd>{_WD})(?:'s|’s)?\b"
    rf"|(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|this\s+evening|this\s+afternoon"
    rf"|the\s+day\s+before\s+yesterday|last\s+week|last\s+month|last\s+year|this\s+week|this\s+month"
    rf"|this\s+year|earlier\s+this\s+week|earlier\s+this\s+month)\b)",
    re.IGNORECASE,
)

_DATE_WORDS = ("day", "tonight", "last", "this")
"""Without a digit, ``DATE_RE`` needs a weekday or a relative wording, and each of those
holds one of these ("yesterday", "today", "last night", "this morning", "Friday")."""

_DATE_STARTS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    ["last", "this", "next", "past", "yesterday", "today", "tonight", "the", "earlier"])
"""The first word of every ``DATE_RE`` match that does not start with a digit."""

_ZONE_ABBR = (r"GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|EST|"
              r"EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|WIB|WITA|WIT|PHT|ICT|NPT|IRST|SAST|EAT|CAT|WAT")
_ZONED = (rf"(?=\s*\(?\s*(?:(?-i:{_ZONE_ABBR})|local\s+time)\b"
          rf"|\s*\(\s*\d{{1,2}}[:.]?\d{{2}}\s*(?-i:{_ZONE_ABBR})\b)")
"""A 24-hour reading without "hours" counts as a clock time only with its zone after it:
"19:00 GMT", "10:30 local time", "0730 GMT", "19:00 (13:30 GMT)"; never "2.5 km" or a
score "3:1". Written with a colon, it is one after "at", "around", "by", "until" ("at 15:00",
"shortly after 07:45") or before a day ("23:30 on Tuesday")."""

TIME_RE = re.compile(
    r"(?P<approx>\b(?:about|around|at\s+around|at\s+round|approximately|roughly|shortly\s+(?:after|before)|"
    r"just\s+(?:after|before))\s+)?"
    r"(?:\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    rf"|\b(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>\d{{2}})(?:\s*(?:hours|hrs|h\b)|{_ZONED})"
    rf"|\b(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d){_ZONED}"
    r"|(?:(?<=\bat\s)|(?<=\baround\s)|(?<=\babout\s)|(?<=\bby\s)|(?<=\buntil\s))"
    r"(?P<hh>[01]\d|2[0-3])(?P<hhm>[0-5]\d)(?=\s*(?:hours|hrs)\b)"
    r"|(?:(?<=\bat\s)|(?<=\bafter\s)|(?<=\bbefore\s)|(?<=\baround\s)|(?<=\babout\s)|(?<=\())"
    r"(?P<noon>noon|midday|midnight)\b"
    r"|(?:(?<=\bat\s)|(?<=\bafter\s)|(?<=\bbefore\s)|(?<=\baround\s)|(?<=\babout\s)|(?<=\buntil\s)|(?<=\bby\s))"
    r"(?P<hb>[01]?\d|2[0-3]):(?P<mb>[0-5]\d)(?![\d:%]|[.,]\d)"
    r"|(?<![\w.,:])(?P<hc>[01]?\d|2[0-3]):(?P<mc>[0-5]\d)(?=\s+(?:on|this|last|that|local)\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|night|time)\b))",
    re.IGNORECASE,
)
ZONE_AFTER_RE = re.compile(
    rf"\s*(?:(?P<par>\()?\s*(?P<abbr>{_ZONE_ABBR}|Eastern|Pacific|Central|Mountain)\b"
    r"(?:\s+(?:Standard|Daylight)\s+Time\b|\s+[Tt]ime\b)?(?P<off>\s*[+-]\s*\d{1,2})?(?(par)\))"
    r"|\s*(?P<local>local\s+time|local\b)"
    r"|\s*in\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    r"|\s*(?P<city2>[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?)\s+time\b)"
)


@dataclass(frozen=True)
class DateRef:
    """A date as the range of days it allows; offsets relative to the text it came from."""

    start: int
    end: int
    surface: str
    lo: date
    hi: date
    grain: str
    """"day", "week", "month" or "year"."""
    relative: bool = False
    """Resolved from the publication date ("yesterday", "on Wednesday", "last month")."""
    weekday: int | None = None
    """The weekday the text names or a written day falls on (0 = Monday): a fact in itself
    when the publication date the day was resolved from is only the story's."""
    part: str | None = None
    """The part of the day the text gives: "morning", "afternoon", "evening", "night",
    "early", "late", or two joined ("late night"): see ``PART_HOURS``."""


PART_HOURS: dict[str, tuple[int, int]] = {
    "morning": (4, 12), "afternoon": (12, 18), "evening": (17, 23), "night": (19, 28),
    "early": (0, 10), "late": (17, 29),
}
"""The hours a part of the day allows, counted from that day's midnight ("night" runs into
the next morning): "late Saturday night" and "Sunday" can be one moment, "Sunday morning"
and "Sunday afternoon" cannot."""


def part_hours(part: str | None) -> tuple[int, int]:
    """The hours ``part`` allows (the whole day without one; two parts narrow each other)."""
    lo, hi = 0, 24
    for word in (part or "").split():
        a, b = PART_HOURS[word]
        lo, hi = (a, b) if (lo, hi) == (0, 24) else (max(lo, a), min(hi, b))
    return lo, hi


_PART_AFTER = re.compile(r"\s+(morning|afternoon|evening|night)\b", re.IGNORECASE)
_EDGE_BEFORE = re.compile(
    r"\b(?:(early|late)\s+(?:on\s+|hours\s+of\s+|in\s+the\s+day\s+on\s+)?|small\s+hours\s+of\s+)$", re.IGNORECASE)
"""An edge of the day before its date: "late on Friday", "in the early (or small) hours of Sunday"."""
_PART_OF_BEFORE = re.compile(r"\b(morning|afternoon|evening|night)\s+of\s+$", re.IGNORECASE)
"""A part of the day named before its date: "on the night of June 5"."""
_REL_PART = {"tonight": "night", "last night": "night", "this morning": "morning", "this evening": "evening",
             "this afternoon": "afternoon"}


@dataclass(frozen=True)
class TimeRef:
    """A clock time; ``utc_minutes`` is set only when the zone is stated."""

    start: int
    end: int
    surface: str
    minutes: int
    """Minutes after midnight, wall clock."""
    approx: bool
    zone: str | None
    utc_minutes: int | None


def _month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _year_for(month: int, day: int, ref: date | None, explicit: str | None) -> int | None:
    """The written year, else the one rule every stage shares (``core/text``)."""
    if explicit:
        return int(explicit)
    return year_for(month, day, ref)


def find_dates(text: str, ref: date | None) -> list[DateRef]:
    """Dates in ``text`` that can be resolved (relative ones need ``ref``)."""
    out: list[DateRef] = []
    if not may_match(text, _DATE_WORDS):
        return out
    for m in find_at_words(DATE_RE, text, _DATE_STARTS):
        future = bool(_FUTURE.search(text[max(0, m.start() - 35):m.start()]))
        got = _resolve(m, ref, future)
        if got is not None:
            lo, hi, grain = got
            relative = bool(m.group("wd") or m.group("rel"))
            weekday = WEEKDAYS[m.group("wd").lower()] if m.group("wd") else (
                lo.weekday() if grain == "day" and not relative else None)
            end, part = m.end(), None
            if grain == "day":
                rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
                edge = _EDGE_BEFORE.search(text, max(0, m.start() - 24), m.start())
                after = _PART_AFTER.match(text, end) if not rel else None
                part_of = _PART_OF_BEFORE.search(text, max(0, m.start() - 16), m.start())
                words = [w for w in (edge and (edge.group(1) or "early").lower(),
                                     part_of and part_of.group(1).lower(), _REL_PART.get(rel),
                                     after and after.group(1).lower()) if w]
                part = " ".join(words) or None
                if after:
                    end = after.end()
            out.append(DateRef(m.start(), end, text[m.start():end], lo, hi, grain, relative, weekday, part))
    return _named_days(text, out)


_THEN_DATE = re.compile(r"\s*(?:,|\()\s*$")


def _named_days(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A weekday written with its date ("on Monday, Feb. 3", "Monday (March 3)") is that date:
    the weekday alone would be resolved against the publication date, maybe to another week."""
    out: list[DateRef] = []
    skip = -1
    for i, d in enumerate(dates):
        if i == skip:
            continue
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if d.relative and d.grain == "day" and d.weekday is not None and nxt is not None and not nxt.relative \
                and nxt.grain == "day" and _THEN_DATE.match(text[d.end:nxt.start]):
            end = nxt.end + (1 if text[d.end:nxt.start].strip() == "(" and text[nxt.end:nxt.end + 1] == ")" else 0)
            out.append(DateRef(d.start, end, text[d.start:end], nxt.lo, nxt.hi, nxt.grain, False, nxt.weekday,
                               nxt.part or d.part))
            skip = i + 1
            continue
        out.append(d)
    return out


_FUTURE = re.compile(r"\b(?:will|won't|is|are) (?:be )?(?:due|expected|scheduled|set|slated|planned)\b|"
                     r"\bwill\b|\bplans? to\b|\bahead of\b|\buntil\b", re.IGNORECASE)
"""Wording before a weekday that points forward: "the vote will be held on Friday"."""


def _resolve(m: re.Match[str], ref: date | None, future: bool = False) -> tuple[date, date, str] | None:
    g = m.groupdict()
    try:
        for mk, dk, yk in (("md_month", "md_day", "md_year"), ("dm_month", "dm_day", "dm_year")):
            if g[mk]:
                if g[mk].lower() == "may" and mk == "md_month" and not g[yk] and not m.group()[:1].isupper():
                    return None
                month, day = MONTHS[g[mk].lower()], int(g[dk])
                year = _year_for(month, day, ref, g[yk])
                if year is None:
                    return None
                d = date(year, month, day)
                if mk == "md_month" and g["md_day2"] and int(g["md_day2"]) > day:
                    return d, date(year, month, int(g["md_day2"])), "days"  # "June 5-6": either day
                return d, d, "day"
        if g["my_month"]:
            lo, hi = _month_range(int(g["my_year"]), MONTHS[g["my_month"].lower()])
            return lo, hi, "month"
        if g["iso"]:
            d = date.fromisoformat(g["iso"])
            return d, d, "day"
    except ValueError:
        return None
    if ref is None:
        return None
    if g["wd"]:
        if not g["wd"][0].isupper():
            return None
        target = WEEKDAYS[g["wd"].lower()]
        mod = (g["wd_mod"] or "").lower()
        back = (ref.weekday() - target) % 7
        if mod in ("last", "past") and back == 0:
            back = 7
        if mod == "next" or (future and not mod):
            ahead = (target - ref.weekday()) % 7 or (7 if mod == "next" else 0)
            d = ref + timedelta(days=ahead)
        else:
            d = ref - timedelta(days=back)
        return d, d, "day"
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    if rel in ("yesterday", "last night"):
        d = ref - timedelta(days=1)
        return d, d, "day"
    if rel == "the day before yesterday":
        d = ref - timedelta(days=2)
        return d, d, "day"
    if rel in ("today", "tonight", "this morning", "this evening", "this afternoon"):
        return ref, ref, "day"
    if rel == "last week":
        return ref - timedelta(days=13), ref - timedelta(days=4), "week"
    if rel in ("this week", "earlier this week"):
        return ref - timedelta(days=ref.weekday()), ref, "week"
    if rel == "last month":
        prev = ref.replace(day=1) - timedelta(days=1)
        lo, hi = _month_range(prev.year, prev.month)
        return lo, hi, "month"
    if rel in ("this month", "earlier this month"):
        return ref.replace(day=1), ref, "month"
    if rel == "last year":
        return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31), "year"
    if rel == "this year":
        return date(ref.year, 1, 1), ref, "year"
    return None


def find_times(text: str, day: date | None) -> list[TimeRef]:
    """Clock times in ``text``; ``day`` (the date they fall on) is needed for zone conversion."""
    out: list[TimeRef] = []
    if not may_match(text, ("noon", "midday", "midnight")):
        return out  # every clock time has a digit or names noon or midnight
    for m in TIME_RE.finditer(text):
        if m.group("h24") is not None:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
        elif m.group("hm") is not None:
            hour, minute = int(m.group("hm")), int(m.group("mm"))
        elif m.group("hh") is not None:  # "at 1400 hours": military time
            hour, minute = int(m.group("hh")), int(m.group("hhm"))
        elif m.group("hb") is not None:  # "at 15:00", "until 07.45": a 24-hour clock after "at"
            hour, minute = int(m.group("hb")), int(m.group("mb"))
        elif m.group("hc") is not None:  # "23:30 on Tuesday"
            hour, minute = int(m.group("hc")), int(m.group("mc"))
        elif m.group("noon"):
            hour, minute = (0 if m.group("noon").lower() == "midnight" else 12), 0
        else:
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if hour > 12 or minute > 59:
                continue
            pm = m.group("ampm").lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        end = m.end()
        zone_name: str | None = None
        zone: str | float | None = None
        z = ZONE_AFTER_RE.match(text, end)
        if z is None and (day_between := _DAY_BETWEEN.match(text, end)) is not None:
            z = ZONE_AFTER_RE.match(text, day_between.end())  # "2:17am on Tuesday UAE time"
            if z is not None and (z.group("local") or z.group("city")):
                z = None
        if z:
            if z.group("abbr"):
                zone_name = z.group("abbr")
                zone = zone_for(zone_name)
                if isinstance(zone, float) and z.group("off"):
                    zone += float(z.group("off").replace(" ", ""))
                end = z.end()
            elif z.group("local"):
                zone_name = "local"
                end = z.end()
            else:
                city = z.group("city") or z.group("city2")
                zone = zone_for(city)
                if zone is not None:
                    # "3 p.m. Spanish time": a country's clock, known but maybe not the event's
                    zone_name = f"{city} time" if z.group("city2") and national_clock(city) else city
                    end = z.end()
                elif z.group("city2"):  # "1 p.m. UAE time": a clock the table does not know
                    zone_name = f"{city} time"
                    end = z.end()
        utc = None
        if zone is not None and day is not None:
            inst = to_utc(day, hour, minute, zone)
            if inst is not None:
                utc = inst.hour * 60 + inst.minute
        start = m.start()
        approx = bool(m.group("approx"))
        if out and _RANGE_GAP.fullmatch(text, out[-1].end, start):
            continue  # "a curfew from 6pm to 6am": the span's end, never another time of the event
        out.append(TimeRef(start, end, text[start:end], hour * 60 + minute, approx, zone_name, utc))
    return _join_conversions(text, out)


_RANGE_GAP = re.compile(r"\s*(?:to|until|till|-|–|—)\s*")
"""Between the two ends of a span of hours ("6 p.m. to 6 a.m.", "9am-5pm")."""


_CONVERSION_GAP = re.compile(r"[^()\[\].;!?\d]{0,30}[(\[]\s*")
"""Between a time and its bracketed conversion: nothing, or a few words ("on Friday")."""


_OTHER_CLOCK = re.compile(r"\s*(?:[A-Z][a-z]+\s+){1,2}time\b")
"""A bracketed reading on another country's clock ("(2.30pm Irish time)", "(9am Eastern
Standard time)"): a zone the table may not know, but plainly the same instant."""


_DAY_BETWEEN = re.compile(r"\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
"""A weekday between a time and its zone ("2:17am on Tuesday UAE time")."""


def foreign_clock(zone: str | None) -> bool:
    """A reading on a clock the zone table does not know ("1 p.m. UAE time", "Kabul time"):
    another country's clock, which cannot be set against the event's local one."""
    return bool(zone) and zone.endswith(" time")  # type: ignore[union-attr]


def off_local_clock(zone: str | None) -> bool:
    """A reading on the universal clock ("0945 GMT") or on another country's unknown one:
    not the event's local clock."""
    return (zone or "").upper() in ("GMT", "UTC", "Z") or foreign_clock(zone)


def _join_conversions(text: str, times: list[TimeRef]) -> list[TimeRef]:
    """A local time followed by its conversion in brackets ("19:00 (13:30 GMT)", "7pm local
    (1400 GMT)", "23:11 local time on Friday (22:11 GMT)") is one instant: one reading
    with the local wall clock and the stated UTC. A conversion to a clock the zone table
    does not know ("7pm local time (2.30pm Irish time)") is dropped: it is that instant too,
    never a second time of the event."""
    out: list[TimeRef] = []
    for t in times:
        prev = out[-1] if out else None
        if prev is not None and t.utc_minutes is None and (foreign_clock(t.zone) or _OTHER_CLOCK.match(text, t.end)) \
                and _CONVERSION_GAP.fullmatch(text, prev.end, t.start):
            continue
        if prev is not None and prev.utc_minutes is None and t.utc_minutes is not None \
                and _CONVERSION_GAP.fullmatch(text, prev.end, t.start):
            end = prev.end  # "23:11 local time on Friday (22:11 GMT)": the reading is the local one
            if not text[prev.end:t.start].strip(" (["):
                end = t.end + (1 if text[t.end:t.end + 1] in ")]" else 0)  # "19:00 (13:30 GMT)"
            out[-1] = TimeRef(prev.start, end, text[prev.start:end], prev.minutes, prev.approx or t.approx,
                              prev.zone or "local", t.utc_minutes)
            continue
        if prev is not None and prev.utc_minutes is not None and t.utc_minutes == prev.utc_minutes \
                and _CONVERSION_GAP.fullmatch(text, prev.end, t.start):
            continue  # "1:28 a.m. EDT (0528 GMT)": the same instant on a second clock
        out.append(t)
    return out
