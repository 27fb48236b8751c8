"""A page's stamp line, in the many shapes sites print it, is the publication date and never
body text (its times would otherwise be read as the times of the event). Lines written for
these tests."""

from __future__ import annotations

import pytest
from wiredesk.core.ingest.dates import Stamp, date_line
from wiredesk.core.ingest.pipeline import parse_bytes


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("October 03, 2031 05:31 pm | Updated 05:48 pm IST", Stamp("2031-10-03", "17:31")),
        ("Posted 3 October 2031 · 12:10 CEST · Science", Stamp("2031-10-03", "12:10")),
        ("October 3, 2031 | 3:15 pm | by Admin", Stamp("2031-10-03", "15:15")),
        ("January 22, 2031 — 11:02 am | Posted in World News", Stamp("2031-01-22", "11:02")),
        ("Friday, October 06, 2031 - 02:15 PM (GST)", Stamp("2031-10-06", "14:15")),
        ("08 Oct 2031 - 10:00 Kabul time", Stamp("2031-10-08", "10:00")),
        ("Updated 4:05 p.m. CT March 27, 2031", Stamp("2031-03-27", "16:05")),
        ("Wire Agency | PUBLISHED: January 22, 2031 at 8:15 a.m. | UPDATED: January 22, 2031 at 8:31 a.m.",
         Stamp("2031-01-22", "08:15")),
        ("Thu, Apr 04, 2031 page 1", Stamp("2031-04-04", None)),
        # numeric dates: the order of day and month only where the numbers settle it
        ("AFP | Published: 19/12/2031 - 01:10 GMT", Stamp("2031-12-19", "01:10")),
        ("Updated: 15.06.2031 | 08:20", Stamp("2031-06-15", "08:20")),
        ("Posted 12/27/2031 at 11:15 | World News", Stamp("2031-12-27", "11:15")),
        ("Published on 07/10/2031 at 17:30 GMT", Stamp("", "17:30")),  # July or October: no date
    ],
)
def test_stamp_lines_are_read(line: str, stamp: Stamp) -> None:
    assert date_line(line) == stamp


@pytest.mark.parametrize(
    "line",
    [
        "Police said on March 3, 2031 at 5 pm that four died | AP",
        "March 3, 2031 | Fire kills four in Mirrel",
        "March 3, 2031 · Four people died in the fire.",
        "The fire started on 19/12/2031 at 10:05 GMT.",
    ],
)
def test_a_sentence_with_a_date_is_not_a_stamp_line(line: str) -> None:
    assert date_line(line) is None


def test_a_stamp_lines_times_leave_the_body() -> None:
    text = ("Ferry sinks off Valmora\n\nOctober 03, 2031 05:31 pm | Updated 05:48 pm IST\n\n"
            "A ferry sank off Valmora on Friday, the coast guard said.\n")
    (article,) = parse_bytes(text.encode(), "ferry.txt")
    assert (article.published, article.published_at) == ("2031-10-03", "2031-10-03T17:31")
    assert "5:48" not in article.body and "05:48" not in article.body


def test_an_ambiguous_numeric_stamp_leaves_the_body_without_a_date() -> None:
    text = ("Ferry sinks off Valmora\n\nPublished on 07/10/2031 at 17:30 GMT\n\n"
            "A ferry sank off Valmora on Friday, the coast guard said.\n")
    (article,) = parse_bytes(text.encode(), "ferry.txt")
    assert article.published is None
    assert "17:30" not in article.body


def test_a_german_stamp_line_is_read() -> None:
    assert date_line("19.07.2031, 23:58 Uhr (CEST)") == Stamp("2031-07-19", "23:58")
