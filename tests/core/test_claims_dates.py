"""Dates and times resolved against the publication date (2024-03-14 is a Thursday)."""

from __future__ import annotations

import pytest

from tests.core.claims_helpers import mentions, one, run


@pytest.mark.parametrize(
    ("phrase", "date", "part"),
    [
        ("on Wednesday", "2024-03-13", None),
        ("Wednesday evening", "2024-03-13", "evening"),
        ("late on Wednesday", "2024-03-13", None),
        ("on Thursday", "2024-03-14", None),  # published that weekday: that day
        ("on Friday", "2024-03-08", None),  # most recent Friday on or before publication
        ("last Friday", "2024-03-08", None),  # Friday of the previous week: 6 days before
        ("last Monday", "2024-03-04", None),
        ("Sunday night", "2024-03-10", "night"),
        ("yesterday", "2024-03-13", None),
        ("last night", "2024-03-13", "night"),
        ("today", "2024-03-14", None),
        ("this morning", "2024-03-14", "morning"),
        ("earlier in the day", "2024-03-14", None),
    ],
)
def test_relative_days(phrase: str, date: str, part: str | None) -> None:
    m = one(f"The dam burst {phrase}, officials in the valley said.", "date")
    assert m.normalized["date"] == date
    assert m.normalized["part"] == part
    assert m.normalized["relative"] is True and m.normalized["anchor"] == "published"
    assert m.normalized["precision"] == "day"


def test_modifier_kept_for_late_on() -> None:
    assert one("The vote closed late on Wednesday.", "date").normalized["modifier"] == "late"


def test_last_friday_in_a_thursday_paper_is_six_days_before() -> None:
    m = one("Markets fell last Friday.", "date", published="2024-03-14")
    assert m.normalized["date"] == "2024-03-08"


def test_weekday_in_a_sunday_paper() -> None:
    m = one("The storm made landfall on Saturday.", "date", published="2024-03-17")
    assert m.normalized["date"] == "2024-03-16"
    assert m.normalized["weekday"] == 5


@pytest.mark.parametrize(
    ("phrase", "date", "precision"),
    [
        ("last week", "2024-03-04", "week"),
        ("last month", "2024-02-01", "month"),
        ("last year", "2023-01-01", "year"),
    ],
)
def test_relative_periods(phrase: str, date: str, precision: str) -> None:
    m = one(f"Prices jumped {phrase} across the region.", "date")
    assert (m.normalized["date"], m.normalized["precision"]) == (date, precision)


@pytest.mark.parametrize(
    ("phrase", "date"),
    [
        ("Jan. 28", "2024-01-28"),
        ("January 27", "2024-01-27"),
        ("28 January", "2024-01-28"),
        ("February 07, 2024", "2024-02-07"),
        ("March 3rd", "2024-03-03"),
        ("Dec. 30", "2023-12-30"),  # year inference: closest before publication
        ("November 2", "2023-11-02"),
        ("2022-06-01", "2022-06-01"),
    ],
)
def test_absolute_dates_and_year_inference(phrase: str, date: str) -> None:
    m = one(f"The court ruled on {phrase} after a long hearing.", "date")
    assert m.normalized["date"] == date
    assert m.normalized["precision"] == "day"


def test_month_year_has_month_precision() -> None:
    m = one("It was the worst flood since the January 2020 storm surge.", "date")
    assert (m.normalized["date"], m.normalized["precision"]) == ("2020-01-01", "month")


@pytest.mark.parametrize(
    ("phrase", "date"),
    [
        ("since October", "2023-10-01"),
        ("since last October", "2023-10-01"),
        ("since March", "2024-03-01"),
        ("since last March", "2023-03-01"),
    ],
)
def test_since_month_is_a_start_bound(phrase: str, date: str) -> None:
    m = one(f"Inflation has slowed {phrase}, the bank said.", "date")
    assert m.normalized["bound"] == "since"
    assert (m.normalized["date"], m.normalized["precision"]) == (date, "month")


def test_month_day_without_publication_date_keeps_month_and_day() -> None:
    m = one("The strike began on Jan. 28.", "date", published=None)
    assert m.normalized["date"] is None
    assert (m.normalized["month"], m.normalized["day"]) == (1, 28)


def test_published_at_wins_over_published() -> None:
    m = one("The polls closed on Monday.", "date", published=None, published_at="2024-03-20T08:00")
    assert m.normalized["date"] == "2024-03-18"


def test_may_as_a_verb_is_not_a_date() -> None:
    assert mentions(run("Officials may release the figures soon."), "date") == []


@pytest.mark.parametrize(
    ("phrase", "time", "approx", "tz", "offset"),
    [
        ("at around 9:30 pm local time", "21:30", True, "local", None),
        ("about 9:30 p.m.", "21:30", True, None, None),
        ("at 10 a.m. GMT", "10:00", False, "GMT", 0.0),
        ("at 11 a.m. in Paris", "11:00", False, "Paris", None),
        ("at 6 am EST", "06:00", False, "EST", -5.0),
        ("at 14:45", "14:45", False, None, None),
        ("at noon", "12:00", False, None, None),
    ],
)
def test_times(phrase: str, time: str, approx: bool, tz: str | None, offset: float | None) -> None:
    m = one(f"The quake struck {phrase}, seismologists said.", "time")
    assert m.normalized == {"time": time, "approx": approx, "tz": tz, "utc_offset": offset}


def test_clock_times_are_not_dates_or_counts() -> None:
    a = run("The quake struck at 9:30 p.m. on Tuesday.")
    assert [m.text for m in mentions(a, "count")] == []
    assert [m.normalized["date"] for m in mentions(a, "date")] == ["2024-03-12"]
