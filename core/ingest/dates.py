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
    r"gmt|utc|z|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|mt|ist|jst|aest|msk|ast|"
    r"last|page\s+\d{1,3}|uhr|hrs|h)\b"
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


_SEPARATED = re.compile(r"\s+[|·•]\s+")
"""The separators of a page's stamp line ("October 3, 2031 | 3:15 pm | by Admin")."""
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?)", re.IGNORECASE)
_STAMP_WORDS = re.compile(r"\b(?:published|updated|posted|modified)\b", re.IGNORECASE)
_SHORT_PART = 4
"""Words a stamp line's other parts may hold: a byline ("by Admin") or a section ("World")."""


_ZONE = re.compile(r"\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\b|\(?\b[A-Z]{2,5}\b\)?|\(?\b[A-Z][a-z]+\s+time\b\)?")
"""A clock's zone as pages write it after a stamp's time: "PKT", "(GST)", "(UAE)", "GMT+1",
"(Gulf time)", "Kabul time". Only read on a line that states a date and a clock time."""
_NUMERIC = re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d/-])")
"""A numeric date, day and month in either order: "19/12/2031", "06.02.2031", "04-11-2031"."""


def _numeric_date(line: str) -> tuple[Stamp, str] | None:
    """A stamp line's numeric date ("Published: 19/12/2031 - 01:10 GMT"). The order of day
    and month is read off the numbers only: "19/12" can only be 19 December. "02/10" is
    2 October on most of the world's pages and 10 February on American ones, so it gives no
    date: a wrong publication day would misplace every "on Tuesday" of the article. The line
    is still a stamp line (its time is not the event's)."""
    m = _NUMERIC.search(line)
    if m is None:
        return None
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    date = (_valid(y, b, a) if a > 12 >= b else _valid(y, a, b) if b > 12 >= a
            else _valid(y, a, a) if a == b else "")
    if date is None:
        return None
    rest = line[: m.start()] + " " + line[m.end():]
    time, rest = _time_in(rest)
    return Stamp(date, time), rest


def date_line(line: str) -> Stamp | None:
    """A ``Stamp`` if ``line`` is nothing but a date (plus weekday, time, zone, "Published").

    A page's stamp line may also give an update time ("October 3, 2031 05:31 pm | Updated
    05:48 pm IST") and, between separators, a byline or a section ("Posted 3 October 2031 ·
    12:10 CEST · Science", "| by Admin"). Those are accepted only when the line also states a
    clock time or a word like "Posted": a body sentence does not come in that shape, and a
    stamp line left in the body has its times read as the event's.
    """
    parts = _SEPARATED.split(line)
    if len(line) > (130 if len(parts) > 1 else 90):
        return None
    found = find_date(line) or _numeric_date(line)
    if not found:
        return None
    stamp, rest = found
    if stamp.time:
        rest = _ZONE.sub(" ", rest)
    left = _FILLER.sub("", _CLOCK.sub(" ", rest)) if _STAMP_WORDS.search(rest) else _FILLER.sub("", rest)
    if not left:
        return stamp
    if len(parts) < 2 or not (stamp.time or _STAMP_WORDS.search(line)):
        return None
    for part in parts:
        bare = _NUMERIC.sub(" ", _DATE.sub(" ", part))
        if not _FILLER.sub("", _CLOCK.sub(" ", _ZONE.sub(" ", bare))):
            continue  # the date, a time, a zone, "Updated"
        if bare != part:
            return None  # the date sits in a sentence
        if len(part.split()) > _SHORT_PART or any(ch.isdigit() for ch in part) or part.rstrip().endswith("."):
            return None
    return stamp


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


_URL_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_URL_DATES = (
    # /2023/06/03/, 2023-06-03, 2023_06_03 (the form htmldate reads from URLs)
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?!\d)"),
    # /2023/jun/03/
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/" + _URL_MON + r"/(?P<d>[0-3]?\d)(?!\d)", re.IGNORECASE),
    # 20230603 standing alone between separators: /20230603/, -20230603-p5dvo1
    re.compile(r"(?<![\w])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])"),
    # 03-Jun-2023, june-3-2023 in a slug
    re.compile(r"(?<![a-z\d])(?P<d>[0-3]?\d)-" + _URL_MON + r"-(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![a-z\d])" + _URL_MON + r"-(?P<d>[0-3]?\d)-(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE),
)


def url_date(url: str | None) -> str | None:
    """The publication date many sites write into an article's address ("/2023/06/03/",
    "-20230811-", "/2023/jun/03/", "04-Oct-2023"), for pages that state none in their text.

    Only the path is read (a query string's dates are tracking or search parameters), and only
    a whole, valid day: "/2023/06/" alone says the month, not the day.
    """
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.IGNORECASE).split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATES:
        for m in pattern.finditer(path[:500]):
            g = m.groupdict()
            month = _MONTHS[g["mon"].lower()[:3]] if g.get("mon") else int(g["m"])
            found = _valid(int(g["y"]), month, int(g["d"]))
            if found:
                return found
    return None


_PREFIX = re.compile(
    r"^\s*(?:(?:date|dated|published|posted|updated|first published|last updated)\s*:?\s*)?"
    r"(?P<stamp>(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+)(?:19|20)\d\d)"
    r"\s*(?:[-–—|:]\s*)?(?=[A-Z\"“‘'])",
    re.IGNORECASE,
)


def date_prefix(paragraph: str) -> tuple[Stamp, str] | None:
    """A publication stamp a scrape glued to the front of the first paragraph
    ("date 2031-05-02 Crews worked through the night ...", "Published March 3, 2031 — The
    ..."), and the paragraph without it. Only a whole stamp (with its year) followed by the
    capital that opens the text counts: "March 3 was the day ..." is prose."""
    m = _PREFIX.match(paragraph)
    if m is None or m.end() >= len(paragraph):
        return None
    found = find_date(m.group("stamp"))
    if found is None or _FILLER.sub("", found[1]):
        return None
    return found[0], paragraph[m.end():]
