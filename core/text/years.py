"""The year of a month-day that names none, read against the date it was written."""

from __future__ import annotations

from datetime import date

FUTURE_WEIGHT = 2.0
"""A date ahead of publication counts this many times its distance: news looks back more
often than ahead, yet "the summit on March 3" in a February paper is this year's."""


def year_for(month: int, day: int | None, ref: date | None) -> int | None:
    """The year that puts ``month``/``day`` (day 1 when None) nearest to ``ref``, a day ahead
    counting ``FUTURE_WEIGHT`` days back: "December 30" in a January 5 paper is last year's,
    "February 20" in it this year's, "August 20" in a February paper last year's. None
    without a reference, or for a day the month never has."""
    if ref is None:
        return None
    best: tuple[float, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = date(year, month, day or 1)
        except ValueError:
            continue
        gap = (cand - ref).days
        cost = gap * FUTURE_WEIGHT if gap > 0 else -gap
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None
