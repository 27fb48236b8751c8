"""Clock times with their zone, so "10 a.m. GMT" and "11 a.m. in Paris" compare as one instant.

Zones come from two places: the abbreviations papers print ("GMT", "EST", "CET") and city
names, looked up in the IANA database that ships with Python (``Europe/Paris`` answers
"Paris"). Daylight saving is applied for the date the time belongs to, which is why the
same pair of clock readings agrees in winter and disagrees in summer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

ABBREVIATIONS: dict[str, str | float] = {
    "gmt": 0.0, "utc": 0.0, "z": 0.0, "bst": 1.0, "cet": 1.0, "cest": 2.0, "eet": 2.0, "eest": 3.0,
    "wet": 0.0, "west": 1.0, "msk": 3.0, "ist": 5.5, "pkt": 5.0, "jst": 9.0, "kst": 9.0,
    "hkt": 8.0, "sgt": 8.0, "aest": 10.0, "aedt": 11.0, "awst": 8.0, "nzst": 12.0, "nzdt": 13.0,
    "est": -5.0, "edt": -4.0, "cst": -6.0, "cdt": -5.0, "mst": -7.0, "mdt": -6.0, "pst": -8.0,
    "pdt": -7.0, "akst": -9.0, "hst": -10.0, "wib": 7.0, "wita": 8.0, "wit": 9.0, "pht": 8.0, "ict": 7.0,
    "npt": 5.75, "irst": 3.5, "sast": 2.0, "eat": 3.0, "cat": 2.0, "wat": 1.0,
    "et": "America/New_York", "eastern": "America/New_York", "ct": "America/Chicago",
    "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles", "central": "America/Chicago",
    "mountain": "America/Denver",
}
"""Fixed offsets in hours, or an IANA zone when the abbreviation follows daylight saving."""

NATIONAL: dict[str, str] = {
    **dict.fromkeys(("spain", "spanish", "madrid"), "Europe/Madrid"),
    **dict.fromkeys(("france", "french"), "Europe/Paris"),
    **dict.fromkeys(("germany", "german"), "Europe/Berlin"),
    **dict.fromkeys(("italy", "italian"), "Europe/Rome"),
    **dict.fromkeys(("uk", "british", "britain"), "Europe/London"),
    **dict.fromkeys(("greece", "greek"), "Europe/Athens"),
    **dict.fromkeys(("portugal", "portuguese"), "Europe/Lisbon"),
    **dict.fromkeys(("netherlands", "dutch"), "Europe/Amsterdam"),
    **dict.fromkeys(("swiss", "switzerland"), "Europe/Zurich"),
    **dict.fromkeys(("ukraine", "ukrainian", "kyiv", "kiev"), "Europe/Kyiv"),
    **dict.fromkeys(("turkey", "turkish", "turkiye", "türkiye", "ankara"), "Europe/Istanbul"),
    **dict.fromkeys(("russia", "russian"), "Europe/Moscow"),
    **dict.fromkeys(("israel", "israeli"), "Asia/Jerusalem"),
    **dict.fromkeys(("iran", "iranian", "tehran"), "Asia/Tehran"),
    **dict.fromkeys(("saudi", "riyadh"), "Asia/Riyadh"),
    **dict.fromkeys(("uae", "emirates", "gulf", "abu dhabi"), "Asia/Dubai"),
    **dict.fromkeys(("egypt", "egyptian"), "Africa/Cairo"),
    **dict.fromkeys(("india", "indian", "new delhi", "delhi", "mumbai"), "Asia/Kolkata"),
    **dict.fromkeys(("pakistan", "pakistani", "islamabad"), "Asia/Karachi"),
    **dict.fromkeys(("nepal", "nepali"), "Asia/Kathmandu"),
    **dict.fromkeys(("bangladesh",), "Asia/Dhaka"),
    **dict.fromkeys(("thailand", "thai"), "Asia/Bangkok"),
    **dict.fromkeys(("vietnam", "vietnamese", "hanoi"), "Asia/Ho_Chi_Minh"),
    **dict.fromkeys(("malaysia", "malaysian"), "Asia/Kuala_Lumpur"),
    **dict.fromkeys(("philippine", "philippines", "manila"), "Asia/Manila"),
    **dict.fromkeys(("china", "chinese", "beijing"), "Asia/Shanghai"),
    **dict.fromkeys(("taiwan", "taiwanese", "taipei"), "Asia/Taipei"),
    **dict.fromkeys(("japan", "japanese"), "Asia/Tokyo"),
    **dict.fromkeys(("korea", "korean", "south korean", "seoul"), "Asia/Seoul"),
    **dict.fromkeys(("brazil", "brazilian", "brasilia"), "America/Sao_Paulo"),
    **dict.fromkeys(("mexico", "mexican"), "America/Mexico_City"),
    **dict.fromkeys(("hawaii", "hawaiian"), "Pacific/Honolulu"),
}
"""Countries and their adjectives whose papers print one clock ("3 p.m. Spanish time",
"6 p.m. Japan time"): the zone of the capital. Countries with several zones (the United
States, Australia, Indonesia) are left out, as is any name the city table already knows."""


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (lower case, spaces) → IANA zone, built from the zone names themselves."""
    from zoneinfo import available_timezones  # imported on first need: most stories print no zone

    out: dict[str, str] = {}
    try:
        zones = available_timezones()
    except Exception:  # pragma: no cover - a system without tzdata just knows no cities
        return out
    for zone in sorted(zones):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = zone.rsplit("/", 1)[1].replace("_", " ").lower()
        out.setdefault(city, zone)
    return out


def national_clock(name: str) -> bool:
    """Whether ``name`` is a country's clock ("Spanish", "UAE") rather than a city's."""
    return name.strip().lower() in NATIONAL


def zone_for(name: str) -> str | float | None:
    """The zone an abbreviation or city name stands for, or None when unknown."""
    key = name.strip().lower().rstrip(".")
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key]
    return NATIONAL.get(key) or _cities().get(key)


def to_utc(day: date, hour: int, minute: int, zone: str | float) -> datetime | None:
    """The UTC instant of a wall-clock reading on ``day`` in ``zone``."""
    try:
        if isinstance(zone, float):
            tz: timezone | ZoneInfo = timezone(timedelta(hours=zone))
        else:
            from zoneinfo import ZoneInfo

            tz = ZoneInfo(zone)
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    except (ValueError, KeyError, OSError):
        return None
    return local.astimezone(UTC)
