"""One year rule for yearless dates, shared by claims, facts and grouping (core/text)."""

from __future__ import annotations

from datetime import date

import pytest
from claims_helpers import one
from wiredesk.core.facts.when import find_dates
from wiredesk.core.grouping.text import fold, resolve_dates
from wiredesk.core.text import year_for


@pytest.mark.parametrize(
    ("month", "day", "ref", "year"),
    [
        (12, 30, date(2025, 1, 5), 2024),  # a January paper looking back at late December
        (2, 20, date(2024, 1, 5), 2024),  # six weeks ahead: this year's
        (8, 20, date(2025, 2, 10), 2024),  # half a year either way: the past wins
        (1, 2, date(2024, 12, 28), 2025),  # the first days of next year, seen from late December
        (3, 3, date(2025, 3, 3), 2025),
        (2, 29, date(2025, 3, 1), 2024),  # only a leap year has it
        (2, 30, date(2025, 3, 1), None),
    ],
)
def test_year_for(month: int, day: int, ref: date, year: int | None) -> None:
    assert year_for(month, day, ref) == year


def test_no_reference_no_year() -> None:
    assert year_for(5, 1, None) is None


def test_claims_facts_and_grouping_agree_on_the_year() -> None:
    sentence = "The ceasefire talks are set to resume on February 20 in the capital."
    published = date(2024, 1, 5)
    claim = one(sentence, "date", published=published.isoformat())
    (fact_date,) = find_dates(sentence, published)
    grouped = {d for d in resolve_dates(fold(sentence), published) if d.startswith("d:2")}
    assert str(claim.normalized.get("date", claim.normalized.get("from")))[:10] == "2024-02-20"
    assert fact_date.lo == date(2024, 2, 20)
    assert grouped == {"d:2024-02-20"}
