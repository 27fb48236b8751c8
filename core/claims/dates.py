"""Dates and clock times, resolved against the article's publication date.

Shapes and resolution rules are documented in ``wiredesk.core.claims`` (kinds ``date`` and
``time``). Why resolve here rather than in the facts engine: "Wednesday" in a Thursday
paper and "yesterday" in the same paper must compare equal, and only the article knows
its own publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Mention
from ..text import year_for
from .lexicon import MONTHS, WEEKDAYS, KeywordScanner, anchored_matches

_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY_ALT = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_BOUND = r"(?:(?P<bound>since|until|till|before|after|by|from)\s+)?"
_MOD = r"(?:(?P<mod>early|late|mid|earlier|later)(?:\s+on|\s+in|-)?\s*)?"

_DATE = re.compile(
    # ISO date
    r"(?<![\w-])(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\w-])"
    # Month day(, year)
    rf"|(?<![\w]){_BOUND}{_MOD}(?:the\s+)?(?P<md_m>{_MONTH_ALT})\s+(?P<md_d>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<md_y>(?:19|20)\d\d))?(?![\w:])"
    # day Month (year)
    rf"|(?<![\w:.,]){_BOUND.replace('bound', 'b2')}(?:the\s+)?(?P<dm_d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<dm_m>{_MONTH_ALT})(?:,?\s+(?P<dm_y>(?:19|20)\d\d))?(?![\w])"
    # Month year
    rf"|(?<![\w]){_BOUND.replace('bound', 'b3')}{_MOD.replace('mod', 'mod3')}"
    rf"(?P<my_m>{_MONTH_ALT})\s+(?P<my_y>(?:19|20)\d\d)(?![\w])"
    # since/in (last) Month — a month alone needs a preposition or "last/this"
    r"|(?<![\w])(?P<mp_prep>since|in|until|till|before|after|by|during|from|last|this|early|late|mid)"
    rf"(?:\s+|-)(?:(?P<mp_last>last|this|next|early|late|mid)(?:\s+|-))?(?P<mp_m>{_MONTH_ALT})(?![\w])"
    # weekday
    rf"|(?<![\w]){_BOUND.replace('bound', 'b4')}{_MOD.replace('mod', 'mod4')}(?:on\s+)?"
    rf"(?:(?P<wd_rel>last|this|next|past)\s+)?(?P<wd>{_WEEKDAY_ALT})(?:’s|'s)?(?:\s+(?P<wd_part>{_PART}))?(?![\w])"
    # relative words
    r"|(?<![\w])(?P<rel>yesterday(?:\s+(?:morning|afternoon|evening))?|(?:the\s+)?day\s+before\s+yesterday"
    r"|last\s+night|tonight|overnight|today|this\s+(?:morning|afternoon|evening)"
    r"|earlier\s+(?:in\s+the\s+day|today|this\s+week)"
    r"|(?:last|this|next|past|previous)\s+(?:week|month|year)(?:end)?"
    r"|(?P<ago_n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<ago_u>days?|weeks?|months?|years?)\s+ago)"
    r"(?![\w])"
    # year with a preposition
    r"|(?<![\w])(?P<yp>in|since|by|until|before|after|during|from)\s+(?:(?:early|late|mid)[-\s])?(?P<yy>(?:19|20)\d\d)(?![\w-])",
    re.IGNORECASE,
)

_TIME = re.compile(
    r"(?=[0-9arcsjnm])(?<![\w:.])(?:(?P<approx>about|around|roughly|approximately|circa|shortly\s+(?:after|before)"
    r"|just\s+(?:after|before)|some\s+time\s+after|nearly|almost)\s+)?"
    r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\w:])"
    r"|(?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?=(?:hrs|hours|h|GMT|UTC|Z)\b)"
    r"|(?P<word>noon|midday|midnight))"
    r"(?:\s*\(?(?P<tz>local\s+time|(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2})?|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|IST|JST"
    r"|AEST|AEDT|MSK|hrs|hours|h|Z)\)?(?![\w]))?"
    r"(?:\s+(?:in|at)\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?))?",
)
_TZ_OFFSETS = {
    "GMT": 0.0,
    "UTC": 0.0,
    "Z": 0.0,
    "BST": 1.0,
    "CET": 1.0,
    "CEST": 2.0,
    "EET": 2.0,
    "EEST": 3.0,
    "MSK": 3.0,
    "IST": 5.5,
    "JST": 9.0,
    "AEST": 10.0,
    "AEDT": 11.0,
    "EST": -5.0,
    "EDT": -4.0,
    "CST": -6.0,
    "CDT": -5.0,
    "MST": -7.0,
    "MDT": -6.0,
    "PST": -8.0,
    "PDT": -7.0,
}
_LOCAL_TIME_AFTER = re.compile(r"\s*(?:\(|,)?\s*local\s+time", re.IGNORECASE)


# Each fast scanner starts with a character-class lookahead: Python's ``re`` then skips
# ahead with a quick class test instead of trying every alternative at every position.
_DATE_TRIGGER = re.compile(
    r"(?=[0-9JFMASONDTWYEjfmasondtwye])(?:\d+|\b(?:(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?i:yesterday|today|tonight|overnight"
    r"|week|month|year|night|morning|afternoon|evening|day|ago|earlier))\b)"
)
_TIME_TRIGGER = re.compile(r"(?=[0-9nm])(?:\d+|\b(?:noon|midday|midnight)\b)")


_DATE_PREFIX_ENDS = frozenset(
    [
        "since",
        "until",
        "till",
        "before",
        "after",
        "by",
        "from",
        "early",
        "late",
        "mid",
        "earlier",
        "later",
        "on",
        "in",
        "last",
        "this",
        "next",
        "past",
        "during",
        "previous",
    ]
)
_TIME_PREFIX_ENDS = frozenset(
    ["about", "around", "roughly", "approximately", "circa", "after", "before", "nearly", "almost"]
)


def parse_published(published: str | None, published_at: str | None = None) -> dt.date | None:
    """The publication date as a ``date``, or None if absent or malformed."""
    for value in (published_at, published):
        if value and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _infer_year(month: int, day: int | None, pub: dt.date | None) -> int | None:
    """The year of a yearless month(-day): the one rule every stage shares (``core/text``)."""
    return year_for(month, day, pub)


def _safe_date(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _norm(
    date: str | None,
    precision: str,
    *,
    part: str | None = None,
    relative: bool = False,
    bound: str | None = None,
    modifier: str | None = None,
    anchored: bool = False,
) -> dict:
    return {
        "date": date,
        "precision": precision,
        "part": part,
        "relative": relative,
        "anchor": "published" if relative and anchored else None,
        "bound": _BOUND_NORM.get(bound.lower()) if bound else None,
        "modifier": _MOD_NORM.get(modifier.lower()) if modifier else None,
    }


_BOUND_NORM = {
    "since": "since",
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
    "by": "until",
    "from": "since",
}
_MOD_NORM = {"early": "early", "late": "late", "mid": "mid", "earlier": "early", "later": "late"}


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _resolve_weekday(wd: int, rel: str | None, pub: dt.date) -> dt.date:
    rel = (rel or "").lower()
    if rel == "last":
        return _monday(pub) - dt.timedelta(days=7) + dt.timedelta(days=wd)
    if rel == "next":
        return _monday(pub) + dt.timedelta(days=7 + wd)
    if rel == "this":
        return _monday(pub) + dt.timedelta(days=wd)
    # bare or "past": most recent on or before publication
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


def _relative(word: str, m: re.Match[str], pub: dt.date | None) -> dict:
    w = " ".join(word.lower().split())
    a = pub is not None

    def day(offset: int, part: str | None = None) -> dict:
        date = (pub + dt.timedelta(days=offset)).isoformat() if pub else None
        return _norm(date, "day", part=part, relative=True, anchored=a)

    if w.endswith("day before yesterday"):
        return day(-2)
    if w.startswith("yesterday"):
        rest = w[len("yesterday") :].strip() or None
        return day(-1, rest)
    if w == "last night":
        return day(-1, "night")
    if w in ("tonight", "overnight"):
        return day(0, "night") if w == "tonight" else day(-1, "night")
    if w == "today":
        return day(0)
    if w.startswith("this "):
        unit = w[5:]
        if unit in ("morning", "afternoon", "evening"):
            return day(0, unit)
    if w.startswith("earlier "):
        if w.endswith("week"):
            return _norm(_monday(pub).isoformat() if pub else None, "week", relative=True, anchored=a)
        return day(0)
    if w.endswith("ago"):
        n_raw = m.group("ago_n").lower()
        words = {
            "a": 1,
            "one": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
        }
        n = words.get(n_raw) or (int(n_raw) if n_raw.isdigit() and len(n_raw) < 5 else 0)
        unit = m.group("ago_u").lower().rstrip("s")
        if unit == "day":
            return day(-n)
        if unit == "week":
            d = _monday(pub - dt.timedelta(days=7 * n)).isoformat() if pub else None
            return _norm(d, "week", relative=True, anchored=a)
        if unit == "month":
            if not pub:
                return _norm(None, "month", relative=True)
            mo = pub.month - 1 - n
            y = pub.year + mo // 12
            return _norm(dt.date(y, mo % 12 + 1, 1).isoformat(), "month", relative=True, anchored=a)
        return _norm(
            dt.date(pub.year - n, 1, 1).isoformat() if pub and pub.year - n > 0 else None,
            "year",
            relative=True,
            anchored=a,
        )
    rel, _, unit = w.partition(" ")
    unit = unit.removesuffix("end")
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}.get(rel, 0)
    if unit == "week":
        d = (_monday(pub) + dt.timedelta(days=7 * shift)).isoformat() if pub else None
        return _norm(d, "week", relative=True, anchored=a)
    if unit == "month":
        if not pub:
            return _norm(None, "month", relative=True)
        mo = pub.month - 1 + shift
        y = pub.year + mo // 12
        return _norm(dt.date(y, mo % 12 + 1, 1).isoformat(), "month", relative=True, anchored=a)
    if unit == "year":
        d = dt.date(pub.year + shift, 1, 1).isoformat() if pub and 0 < pub.year + shift < 10000 else None
        return _norm(d, "year", relative=True, anchored=a)
    return day(0)


def _date_norm(m: re.Match[str], pub: dt.date | None) -> dict | None:
    g = m.group
    if g("iso"):
        return _norm(_safe_date(int(g("iy")), int(g("im")), int(g("id"))), "day")
    if g("md_m"):
        mon, day = _month_num(g("md_m")), int(g("md_d"))
        if not 1 <= day <= 31:
            return None
        year = int(g("md_y")) if g("md_y") else _infer_year(mon, day, pub)
        return _norm(
            _safe_date(year, mon, day),
            "day",
            relative=not g("md_y"),
            anchored=pub is not None,
            bound=g("bound"),
            modifier=g("mod"),
        )
    if g("dm_m"):
        mon, day = _month_num(g("dm_m")), int(g("dm_d"))
        if not 1 <= day <= 31:
            return None
        year = int(g("dm_y")) if g("dm_y") else _infer_year(mon, day, pub)
        return _norm(_safe_date(year, mon, day), "day", relative=not g("dm_y"), anchored=pub is not None, bound=g("b2"))
    if g("my_m"):
        return _norm(_safe_date(int(g("my_y")), _month_num(g("my_m")), 1), "month", bound=g("b3"), modifier=g("mod3"))
    if g("mp_m"):
        prep = g("mp_prep").lower()
        last = (g("mp_last") or "").lower()
        if prep in ("last", "this") and last:
            return None
        month_word = g("mp_m")
        if month_word.lower().rstrip(".") == "may" and not (last or prep in ("since", "in", "last")):
            return None
        mon = _month_num(month_word)
        qualifier = last or (prep if prep in ("last", "this") else "")
        modifier = prep if prep in ("early", "late", "mid") else (last if last in ("early", "late", "mid") else None)
        year = _infer_year(mon, 1, pub)
        if qualifier == "last" and pub and year is not None and (year, mon) >= (pub.year, pub.month):
            year -= 1
        if qualifier == "this" and pub:
            year = pub.year
        bound = prep if prep in _BOUND_NORM else None
        return _norm(
            _safe_date(year, mon, 1), "month", relative=True, anchored=pub is not None, bound=bound, modifier=modifier
        )
    if g("wd"):
        wd = WEEKDAYS[g("wd").lower()]
        part = g("wd_part").lower() if g("wd_part") else None
        if part == "overnight":
            part = "night"
        date = _resolve_weekday(wd, g("wd_rel"), pub).isoformat() if pub else None
        return _norm(date, "day", part=part, relative=True, anchored=pub is not None, bound=g("b4"), modifier=g("mod4"))
    if g("rel"):
        return _relative(g("rel"), m, pub)
    if g("yy"):
        prep = g("yp").lower()
        return _norm(f"{g('yy')}-01-01", "year", bound=prep if prep in _BOUND_NORM else None)
    return None


def _calendar_fields(m: re.Match[str], norm: dict) -> dict:
    """Month/day/weekday as written, so articles without a publication date still compare
    ("Jan. 28" vs "January 27" differ even when neither resolves to a full date)."""
    g = m.group
    month = day = weekday = None
    if g("md_m"):
        month, day = _month_num(g("md_m")), int(g("md_d"))
    elif g("dm_m"):
        month, day = _month_num(g("dm_m")), int(g("dm_d"))
    elif g("my_m"):
        month = _month_num(g("my_m"))
    elif g("mp_m"):
        month = _month_num(g("mp_m"))
    elif g("wd"):
        weekday = WEEKDAYS[g("wd").lower()]
    elif g("iso"):
        month, day = int(g("im")), int(g("id"))
    if norm.get("date") and norm["precision"] == "day" and not g("wd"):
        d = dt.date.fromisoformat(norm["date"])
        month, day = d.month, d.day
    return {"month": month, "day": day, "weekday": weekday}


_RELATIVE_WORDS = "yesterday today tonight overnight week month year night morning afternoon evening day ago earlier"
_DATE_WORDS = KeywordScanner(
    {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS} | set(_RELATIVE_WORDS.split()),
    digits=True,
)
_TIME_WORDS = KeywordScanner({"noon", "midday", "midnight"}, digits=True)


def find_dates(
    text: str,
    base: int,
    pub: dt.date | None,
    words: frozenset[str] | None = None,
    caps: frozenset[str] | None = None,
    digits: list[int] | None = None,
) -> list[Mention]:
    """Date mentions in a sentence ``text`` at body offset ``base``."""
    out = []
    for m in anchored_matches(_DATE, _DATE_WORDS.starts(text, words, caps, digits), text, _DATE_PREFIX_ENDS):
        try:
            norm = _date_norm(m, pub)
        except (ValueError, OverflowError, KeyError):
            norm = None
        if norm is None:
            continue
        norm.update(_calendar_fields(m, norm))
        s, e = m.span()
        out.append(Mention("date", base + s, base + e, text[s:e], norm))
    return out


def find_times(
    text: str,
    base: int,
    words: frozenset[str] | None = None,
    caps: frozenset[str] | None = None,
    digits: list[int] | None = None,
) -> list[Mention]:
    """Clock-time mentions in a sentence ``text`` at body offset ``base``."""
    out = []
    for m in anchored_matches(_TIME, _TIME_WORDS.starts(text, words, caps, digits), text, _TIME_PREFIX_ENDS):
        g = m.group
        if g("word"):
            w = g("word").lower()
            hour, minute = (0, 0) if w == "midnight" else (12, 0)
            if not (g("tz") or g("approx")) and w != "midnight":
                pass
        elif g("ampm"):
            hour, minute = int(g("h")), int(g("mi") or 0)
            if hour > 12 or hour == 0:
                continue
            pm = g("ampm").lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        elif g("h24"):
            hour, minute = int(g("h24")), int(g("mi24"))
            tz = g("tz")
            before = text[max(0, m.start() - 8) : m.start()].lower()
            if not tz and not before.rstrip().endswith(
                ("at", "about", "around", "by", "until", "from", "after", "before", "since")
            ):
                continue
        else:
            hour, minute = int(g("hhmm")), int(g("mm"))
        tz_raw = g("tz")
        tz: str | None = None
        offset: float | None = None
        s, e = m.span()
        if tz_raw:
            t = " ".join(tz_raw.split())
            if t.lower() == "local time":
                tz = "local"
            elif t.lower() in ("hrs", "hours", "h"):
                tz = None
            else:
                tz = t.upper().replace(" ", "")
                base_tz = re.match(r"[A-Z]+", tz)
                key = base_tz.group() if base_tz else tz
                if key in _TZ_OFFSETS:
                    offset = _TZ_OFFSETS[key]
                    extra = re.search(r"([+-])(\d+)", tz)
                    if extra:
                        offset += int(extra.group(2)) * (1 if extra.group(1) == "+" else -1)
        elif g("place"):
            tz = g("place")
        else:
            e = m.end("word") if g("word") else max(m.end(k) for k in ("ampm", "mi24", "mm") if g(k))
            lt = _LOCAL_TIME_AFTER.match(text, e)
            if lt:
                tz, e = "local", lt.end()
        if tz and g("place") is None and tz_raw is None:
            pass
        out.append(
            Mention(
                "time",
                base + s,
                base + e,
                text[s:e],
                {
                    "time": f"{hour:02d}:{minute:02d}",
                    "approx": bool(g("approx")),
                    "tz": tz,
                    "utc_offset": offset,
                },
            )
        )
    return out
