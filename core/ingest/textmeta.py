"""Recognize the metadata lines a scraped article carries around its body.

Each function looks at one short paragraph and says whether it *is* a byline, a dateline,
a canonical URL, a "Source:" footer naming the site, or an outlet-plus-date line. The
cleaner (``clean.py``) only asks near the top and bottom of the text, so the same shapes in
the middle of an article stay article text. Nothing here knows any particular outlet.
"""

from __future__ import annotations

import re

from .dates import Stamp, split_date_suffix

_BYLINE = re.compile(
    r"^(?:by|written by|words by|words|authors?|reporting by|posted by|story by)\s*[:\-–—]?\s*(?P<names>.+)$",
    re.IGNORECASE,
)
_BY_JOINED = re.compile(r"^by:(?P<names>\S.*)$", re.IGNORECASE)
_AGENCY_TAIL = re.compile(
    r"(?:\s*(?:,|and|&|with)\s+(?:agencies|agency|wires?|wire services|staff|staff writers?|"
    r"news agencies|reuters|afp|ap|the associated press|associated press|contributors?)\.?)+$"
    r"|\s*[|,;]\s*(?:reuters|afp|ap|the associated press|associated press|staff writer|"
    r"correspondent|senior correspondent|political editor|reporter|contributor)\b.*$"
    r"|\s+in\s+[A-Z][\w]+(?:\s[A-Z][\w]+)?$",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w'’.\-]*|and|&|,|de|da|del|della|di|van|von|der|den|la|le|du|al|el|bin|ibn|st\.?)$"
)
_CONNECTORS = frozenset({"and", "&", ","})

_CAPS_WORD = r"[A-Z][A-Z'’.\-]{1,}"
_DATELINE_LINE = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}})(?:\s*,\s*(?P<region>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){{0,2}}))?$"
)
_DATELINE_PREFIX = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}})"
    r"(?:\s*,\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})?"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?"
    r"\s*(?:\([^()]{1,40}\))?\s*(?:—|–|--|-)\s*\S"
)
_DATELINE_PREFIX_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w.'’\-]+(?:\s[A-Z][\w.'’\-]+){0,2})"
    r"(?:\s*,\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})?"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?"
    r"\s*\((?:Reuters|AFP|AP|Xinhua|Bloomberg|dpa|UPI|IANS|PTI|ANI|TASS|Anadolu|EFE|Kyodo|Yonhap)\)"
    r"\s*(?:—|–|--|-|:)\s*\S"
)
_NOT_PLACES = frozenset(
    """BREAKING BREAKING NEWS UPDATE UPDATED LIVE EXCLUSIVE WATCH OPINION ANALYSIS ADVERTISEMENT NEWS
    WORLD SPORT SPORTS POLITICS BUSINESS HOME MENU SEARCH VIDEO EDITORIAL COMMENT COMMENTARY FEATURE
    REVIEW EXPLAINER PHOTOS GALLERY SPONSORED PODCAST LISTEN READ MORE RELATED TRENDING TOP STORIES
    LATEST THE END NOTE CORRECTION FACT CHECK FACTBOX TIMELINE FILE PHOTO AP REUTERS AFP""".split(),  # noqa: SIM905
)

_TITLE_PLACE = re.compile(r"^[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,2}$")
_URL = re.compile(r"^(?:https?://)[^\s<>\"]+$", re.IGNORECASE)
_SOURCE_HOST = re.compile(
    r"^(?:source|via|originally published (?:at|on))\s*:?\s*(?:https?://)?(?:www\.)?"
    r"(?P<host>[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+)(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
_OUTLET_NAME = re.compile(r"^[A-Z0-9][\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,5}$")
_OUTLET_LINE = re.compile(
    r"^(?:outlet|source|publisher|published by|publication|news source)\s*:\s*(?P<name>\S.{0,79})$",
    re.IGNORECASE,
)


def byline(line: str) -> str | None:
    """The author names in a "By ..." line, without agency tails, or None."""
    if len(line) > 120:
        return None
    m = _BYLINE.match(line) or _BY_JOINED.match(line)
    if not m:
        return None
    names = m["names"].strip()
    dated = split_date_suffix(names)
    if dated:
        names = dated[0]
    names = _AGENCY_TAIL.sub("", names).strip(" ,;|-–—")
    tokens = re.findall(r"[^\s,]+|,", names)
    if not tokens or len(tokens) > 14 or tokens[0] in _CONNECTORS:
        return None
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    if sum(t[0].isupper() for t in tokens) < 2 and len(tokens) > 1:
        return None
    if len(tokens) == 1 and not tokens[0][0].isupper():
        return None
    return names


def dateline_line(line: str) -> str | None:
    """The place in a line that is only a dateline ("WASHINGTON, US" -> "WASHINGTON")."""
    if len(line) > 50:
        return None
    m = _DATELINE_LINE.match(line)
    if not m or m["place"] in _NOT_PLACES or sum(c.isalpha() for c in m["place"]) < 3:
        return None
    return m["place"]


def dateline_prefix(paragraph: str) -> str | None:
    """The place opening a first paragraph ("LONDON — Police said..." -> "LONDON")."""
    head = paragraph[:120]
    m = _DATELINE_PREFIX.match(head)
    if m and m["place"] not in _NOT_PLACES and sum(c.isalpha() for c in m["place"]) >= 3:
        return m["place"]
    m = _DATELINE_PREFIX_AGENCY.match(head)
    if m:
        return m["place"]
    return None


def url_line(line: str) -> str | None:
    """The URL when ``line`` is nothing but an http(s) URL."""
    if len(line) > 2000:
        return None
    return line if _URL.match(line) else None


def source_host(line: str) -> str | None:
    """The site named by a "Source: example.com/path" footer ("example.com")."""
    if len(line) > 300:
        return None
    m = _SOURCE_HOST.match(line)
    return m["host"].lower() if m else None


def outlet_line(line: str) -> str | None:
    """The outlet an explicit "Outlet: Harbor Times" / "Source: Reuters" line names, or None.

    A host ("Source: example.com/x") is ``source_host``'s; the name must read as one (a
    capitalized phrase of at most six words), so "Source: officials said" is not an outlet.
    """
    if len(line) > 100:
        return None
    m = _OUTLET_LINE.match(line)
    if not m:
        return None
    name = m["name"].strip().rstrip(".")
    return name if _OUTLET_NAME.match(name) and not source_host(f"source: {name}") else None


def outlet_and_date(line: str) -> tuple[str, Stamp] | None:
    """Split "The Guardian-Feb8th2024" / "Reuters | 8 February 2024" into outlet and date."""
    if len(line) > 90 or _BYLINE.match(line) or _BY_JOINED.match(line):
        return None
    split = split_date_suffix(line)
    if not split:
        return None
    name, stamp = split
    sep = line[len(name):].lstrip()[:1]
    if sep == "," or not _OUTLET_NAME.match(name) or name.endswith("."):
        return None  # "LONDON, Feb 8, 2024" is a place and a date, not an outlet
    return name, stamp


def place_and_date(line: str) -> tuple[str, Stamp] | None:
    """Split "LONDON, Feb 8, 2024" into a dateline place and a date."""
    if len(line) > 90:
        return None
    split = split_date_suffix(line)
    if not split or not line[len(split[0]):].lstrip().startswith(","):
        return None
    name = split[0]
    place = dateline_line(name)
    if place is None and _TITLE_PLACE.match(name) and name.upper() not in _NOT_PLACES:
        place = name  # "Paris, February 8, 2024": a standalone place-and-date line is a dateline
    return (place, split[1]) if place else None
