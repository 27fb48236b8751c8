"""Read publication dates the way newsrooms write them.

Handles "Thursday, February 8, 2024", "February 8, 2024 at 3:18 pm", "Feb8th2024",
"8 February 2024", "Feb. 8, 2024", ISO 8601 ("2024-02-08", "2024-02-08T15:18:00Z"),
"2024/02/08" and RFC 822 feed dates. A time is reported only when the source states one, in
the source's own clock (an offset is not converted: the reader sees what the outlet wrote).

``date_line`` accepts a line only when it is *nothing but* a date (with weekday, time,
time zone and words like "Published"/"Updated"), so a body sentence mentioning a date is
never taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_ORD = r"(?:st|nd|rd|th)?"

_DATE = re.compile(
    r"(?<![^\W_])(?:"
    + _MON + r"\s*(?P<day>\d{1,2})" + _ORD + r",?\s*(?P<year>(?:19|20)\d{2})"
    + r"|(?P<day2>\d{1,2})" + _ORD + r"\s*(?:of\s+)?" + _MON2 + r",?\s*(?P<year2>(?:19|20)\d{2})"
    + r"|(?P<y3>(?:19|20)\d{2})[-/](?P<m3>\d{1,2})[-/](?P<d3>\d{1,2})"
    + r")(?!\d)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_ISO_TIME = re.compile(r"^[T ](?P<h>\d{2}):(?P<m>\d{2})")
_FILLER = re.compile(
    r"\b(?:published|updated|posted|first published|last updated|last modified|modified|date|on|at|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"gmt|utc|z|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|jst|aest|msk|ast)\b"
    r"|\b\d{1,3}\s*min(?:ute)?s?\.?\s+read\b|[+-]\d{2}:?\d{2}\b|[\s,.:;|/()\-–—•·]+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Stamp:
    """A publication date and, when stated, time (``HH:MM``)."""

    date: str
    time: str | None = None

    @property
    def at(self) -> str | None:
        return f"{self.date}T{self.time}" if self.time else None


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _date_of(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    if g["mon"]:
        return _valid(int(g["year"]), _MONTHS[g["mon"].lower()], int(g["day"]))
    if g["mon2"]:
        return _valid(int(g["year2"]), _MONTHS[g["mon2"].lower()], int(g["day2"]))
    return _valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))


def _time_in(text: str, iso_tail: str = "") -> tuple[str | None, str]:
    """Find a clock time in ``text``; return it and the text without it."""
    iso = _ISO_TIME.match(iso_tail)
    if iso:
        return f"{int(iso['h']):02d}:{iso['m']}", text
    for m in _TIME.finditer(text):
        hour = int(m["h"])
        if m["m"] is None and not m["ampm"]:
            continue
        if m["ampm"]:
            if not 1 <= hour <= 12:
                continue
            pm = m["ampm"].lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        elif hour > 23:
            continue
        minute = int(m["m"] or 0)
        if minute > 59:
            continue
        return f"{hour:02d}:{minute:02d}", text[: m.start()] + " " + text[m.end():]
    return None, text


def find_date(text: str) -> tuple[Stamp, str] | None:
    """The first date in ``text`` (with a time if one is stated), and the text left over."""
    for m in _DATE.finditer(text):
        date = _date_of(m)
        if not date:
            continue
        rest = text[: m.start()] + " " + text[m.end():]
        tail = text[m.end(): m.end() + 6] if m["y3"] else ""
        if tail and _ISO_TIME.match(tail):
            iso = _ISO_TIME.match(tail)
            assert iso is not None
            rest = text[: m.start()] + " " + text[m.end() + iso.end():]
            rest = re.sub(r"^:\d{2}(?:\.\d+)?", "", rest.lstrip())
            return Stamp(date, f"{iso['h']}:{iso['m']}"), rest
        time, rest = _time_in(rest)
        return Stamp(date, time), rest
    return None


def date_line(line: str) -> Stamp | None:
    """A ``Stamp`` if ``line`` is nothing but a date (plus weekday, time, zone, "Published")."""
    if len(line) > 90:
        return None
    found = find_date(line)
    if not found:
        return None
    stamp, rest = found
    return stamp if not _FILLER.sub("", rest) else None


def split_date_suffix(line: str) -> tuple[str, Stamp] | None:
    """Split "The Guardian-Feb8th2024" into ("The Guardian", stamp): a name then a date."""
    if len(line) > 90:
        return None
    matches = list(_DATE.finditer(line))
    m = matches[-1] if matches else None
    if m is None or not _date_of(m):
        return None
    head, tail = line[: m.start()], line[m.end():]
    found = find_date(m.group(0) + tail)
    if not found or _FILLER.sub("", found[1]):
        return None
    head = re.sub(r"[\s,|\-–—•·:]+$", "", head)
    head = re.sub(r"\s*\b(?:published|updated|posted)\b.*$", "", head, flags=re.IGNORECASE)
    head = re.sub(r"[\s,|\-–—•·:]+$", "", head)
    return (head, found[0]) if head else None


def parse_any(value: str | None) -> Stamp | None:
    """Parse a machine date (HTML meta, JSON-LD, feed): ISO 8601 or RFC 822, else free text."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = email.utils.parsedate_tz(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed and re.search(r"[A-Za-z]{3}", value):
        y, mo, d, h, mi = parsed[:5]
        date = _valid(y, mo, d)
        if date:
            has_time = bool(re.search(r"\d:\d\d", value))
            return Stamp(date, f"{h:02d}:{mi:02d}" if has_time else None)
    found = find_date(value[:200])
    return found[0] if found else None
