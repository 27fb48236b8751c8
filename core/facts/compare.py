"""Values of one fact → whether they conflict, and how.

The kinds follow how a reader would describe the disagreement:
``value`` — two definite values that cannot both hold (27 vs 28 January, 3 vs 4 dead);
``bound`` — outlets give different floors or ceilings (at least 212 / more than 230 / at
least 220): not logically exclusive, but they disagree on the figure;
``precision`` — one outlet is vaguer than another in a way that does not match (60 vs more
than 60, dozens vs 60).
Compatible wordings are not conflicts: "more than 40" and "43", "about 3,500" and "3,400",
"last month" and "January 27", the same instant written in two time zones.
"""

from __future__ import annotations

import re

from .observe import Obs
from .when import off_local_clock, part_hours

SEVERITY = {"value": 3, "bound": 2, "precision": 1}

_FAR = 1.25
"""A floor and a figure a quarter again above it ("at least 59" and "78") are a disagreement
about the count, though both can hold: an editor flags it (a toll that rose, or two sources);
"more than 40" and "43", "more than 100" and "112" are not."""

_FEW = 12
"""The largest count a vague word for a few ("several", "a handful") stands for: such a word
and a figure within its range agree; "dozens" against 60 is still a vaguer outlet."""
_APPROX_TOL = 0.1
"""How far "about N" may stray from a definite figure and still agree."""


def _satisfies(op: str, n: float, x: float) -> bool:
    return {
        ">=": x >= n, ">": x > n, "<=": x <= n, "<": x < n,
        "~": abs(x - n) <= n * _APPROX_TOL, "~<": n * (1 - 2 * _APPROX_TOL) <= x <= n,
        "=": x == n,
    }[op]


_NUM = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALES = (("billion", 1e9), ("bn", 1e9), ("million", 1e6), ("mn", 1e6), ("thousand", 1e3))


def _step(surface: str) -> float:
    """The rounding unit a figure is written to: 0.1 for "52.3", 100 million for "$3.5bn"."""
    m = _NUM.search(surface)
    if m is None:
        return 0.0
    low = surface.lower()
    scale = next((v for word, v in _SCALES if word in low), 1e6 if re.search(r"\dm\b", low) else 1.0)
    return scale * 10.0 ** -len(m.group(1) or "")


def _round_step(n: float) -> float:
    """The step a round figure is rounded to, from its trailing zeros: 1,000 for "about
    16,000", 10 for "about 50"; infinite for a figure not rounded to tens or more ("about
    48"), which only the ``_APPROX_TOL`` slack compares. A definite figure a whole step from
    "about N" is not N rounded: "about 16,000" and "17,000" are two estimates, "about 200"
    and "210" one. (Two hedged figures, "about 3,500" and "some 3,400", keep the slack.)"""
    if n != int(n) or n < 10:
        return float("inf")
    step, m = 1, int(n)
    while m % 10 == 0:
        step, m = step * 10, m // 10
    return float(step) if step >= 10 else float("inf")


def _far_past(op: str, n: float, x: float) -> bool:
    """``x`` a quarter or more past the bound ``op n`` it satisfies ("at least 59" and 78)."""
    return (op in (">=", ">") and x > n * _FAR) or (op in ("<=", "<") and x * _FAR < n)


def _precise_floor(n: float, surface: str) -> bool:
    """A floor that is itself a count ("at least 51", "more than 17"), not a round figure
    ("more than 100", "at least 40", "more than a dozen"): an outlet that writes it had
    counted that many, and a higher figure elsewhere is a later or other count, which an
    editor flags."""
    m = int(n)
    if m != n or not any(c.isdigit() for c in surface):
        return False
    if m % 1000 == 0 and m >= 10000:
        m //= 1000  # "more than 163,000 hectares": counted to the thousand, as 163 would be
        return m % 10 != 0 and m % 25 != 0
    return m > 5 and m % 10 != 0 and m % 25 != 0  # ("more than 60", "more than 230", "at least 25" are round)


def count_conflict(a: Obs, b: Obs) -> str | None:
    """How two counts of the same thing disagree, or None when both can be true."""
    va, vb = a.norm.get("vague"), b.norm.get("vague")
    if va or vb:
        if va and vb:
            return None if va == vb else "precision"
        vague, exact = (a, b) if va else (b, a)
        n = exact.norm.get("n")
        if exact.norm.get("op") == "=" and n is not None and vague.norm["max"] <= _FEW \
                and vague.norm["min"] <= float(n) <= vague.norm["max"]:
            return None  # "several counties" and "four counties": the figure says which ("dozens" and 60 differ)
        return "precision"
    oa, ob = a.norm["op"], b.norm["op"]
    if oa == "range" or ob == "range":
        return _range_conflict(a, b)
    na, nb = float(a.norm["n"]), float(b.norm["n"])
    if "metres" in a.norm and "metres" in b.norm:
        return _length_conflict(a, b)
    if "celsius" in a.norm and "celsius" in b.norm:
        return _temperature_conflict(a, b)
    if oa == "=" and ob == "=":
        if na == nb or abs(na - nb) <= max(_step(a.surface), _step(b.surface)) / 2:
            return None  # "52%" and "52.3%", "$3.5 billion" and "$3.47 billion": rounding
        return "value"
    if oa == "=" or ob == "=":
        op, n, x = (ob, nb, na) if oa == "=" else (oa, na, nb)
        if _satisfies(op, n, x):
            if op == "~" and abs(x - n) >= _round_step(n):
                return "value"  # "about 16,000" and "17,000": a whole step of its rounding apart
            if _far_past(op, n, x):
                return "bound"  # "at least 4 dead" and "9 dead": true together, but an editor flags it
            floor = b if oa == "=" else a
            if op in (">=", ">") and x > n and _precise_floor(n, floor.surface):
                return "bound"  # "at least 51 dead" and "59 dead": a count, and a higher one
            return None
        if n == x:
            return "precision"
        return "value" if op.startswith("~") else "bound"
    if oa.startswith("~") or ob.startswith("~"):
        if abs(na - nb) <= max(na, nb) * _APPROX_TOL:
            return None
        if oa.startswith("~") and ob.startswith("~"):
            return "value"
        op, n, x = (ob, nb, na) if oa.startswith("~") else (oa, na, nb)
        if op in (">=", ">", "<=", "<") and _satisfies(op, n, x) \
                and not _far_past(op, n, x):
            return None  # "more than 1,000 workers" and "around 1,150": the estimate meets the floor
        return "bound"
    if na == nb and oa.strip("=") == ob.strip("="):
        return None
    return "bound"


_LENGTH_TOL = 0.04
"""How far "about 70 km" may stray: distances are quoted more exactly than tolls, and an
editor flags "170 km" against "about 180 km"."""


def _conversion_step(n: float) -> float:
    """The rounding a figure converted from another unit may carry: the step its trailing
    zeros show, at most a tenth of it ("240" may stand for 241.4, "100" for 96.6)."""
    step = _round_step(n)
    return min(step, n / 10) if step != float("inf") else 1.0


def _length_conflict(a: Obs, b: Obs) -> str | None:
    """Two lengths, each in its own unit: compared in metres, each allowed the rounding of the
    figure as written ("96 km (60 miles)" and "96km (59 miles)" agree)."""
    ma, mb = float(a.norm["metres"]), float(b.norm["metres"])
    na, nb = float(a.norm["n"] or 1), float(b.norm["n"] or 1)
    per_a, per_b = ma / na, mb / nb
    step_a = _step(a.surface) or 1.0  # as written: "5.26 metres" to the centimetre
    step_b = _step(b.surface) or 1.0
    if abs(per_a - per_b) > 1e-9 * per_a:  # a conversion: "160 km/h" for "100 mph" rounds to tens
        step_a, step_b = max(step_a, _conversion_step(na)), max(step_b, _conversion_step(nb))
    slack = (step_a * per_a + step_b * per_b) / 2
    oa, ob = a.norm["op"], b.norm["op"]
    small_whole = abs(per_a - per_b) <= 1e-9 * per_a and max(na, nb) < 25 and na == int(na) and nb == int(nb)
    if (oa.startswith("~") or ob.startswith("~")) and not small_whole:
        slack += max(ma, mb) * _LENGTH_TOL  # ("about 5 km" and "six kilometres", 8 and 9 knots: a whole unit apart)
    if abs(ma - mb) < slack * (1 - 1e-9):  # roundings that merely touch ("1-mile", "2-mile") differ
        return None
    if oa in ("=", "~", "~<") and ob in ("=", "~", "~<"):
        return "value"
    (op, n, x) = (oa, ma, mb) if oa not in ("=", "~") else (ob, mb, ma)
    floor = a if oa not in ("=", "~") else b
    if op in (">=", ">") and x > n and _precise_floor(float(floor.norm["n"]), floor.surface):
        return "bound"  # "more than 163,000 hectares" and "167,000 hectares": a count, and a higher one
    return None if _satisfies(op, n, x) else "bound"


def _temperature_conflict(a: Obs, b: Obs) -> str | None:
    """Two temperatures, in Celsius: each allowed half the step it was written to, in its own
    scale ("46.2C" and "115.2F" agree, "46.2C" and "47C" do not), and a bound its direction."""
    ca, cb = float(a.norm["celsius"]), float(b.norm["celsius"])
    slack = (_degree_step(a) + _degree_step(b)) / 2
    oa, ob = a.norm["op"], b.norm["op"]
    if oa.startswith("~") or ob.startswith("~"):
        slack += 1.0
    if abs(ca - cb) <= slack:
        return None
    if oa in ("=", "~") and ob in ("=", "~"):
        return "value"
    (op, n, x) = (oa, ca, cb) if oa not in ("=", "~") else (ob, cb, ca)
    return None if _satisfies(op, n, x) else "bound"


def _degree_step(o: Obs) -> float:
    """The step of a written temperature, in Celsius degrees (a Fahrenheit degree is 5/9)."""
    step = 0.1 if re.search(r"\d\.\d", o.surface) else 1.0
    return step * 5.0 / 9.0 if o.norm.get("unit") == "°F" else step


def _range_conflict(a: Obs, b: Obs) -> str | None:
    """A range ("10-12 coaches") agrees with what falls inside it; a figure or a range outside
    is a different value, a bound that cannot reach it a bound conflict."""
    if a.lo <= b.hi and b.lo <= a.hi:
        return None
    other = b if a.norm["op"] == "range" else a
    return "value" if other.norm["op"] in ("=", "range", "~") else "bound"


def date_conflict(a: Obs, b: Obs) -> str | None:
    """Dates conflict when the ranges of days they allow do not overlap; two single days,
    when the hours their parts of the day allow do not ("Sunday morning" against "Sunday
    afternoon" conflicts, "late Saturday night" against "Sunday" need not)."""
    if a.norm.get("grain") == "day" and b.norm.get("grain") == "day":
        return _hours_conflict(a, b, b.lo - a.lo)
    if a.lo <= b.hi and b.lo <= a.hi:
        return None
    return "value"


def _hours_conflict(a: Obs, b: Obs, days_apart: float) -> str | None:
    """Whether ``a``'s hours and ``b``'s, ``days_apart`` days later, cannot overlap."""
    a0, a1 = part_hours(a.norm.get("part"))
    b0, b1 = part_hours(b.norm.get("part"))
    b0, b1 = b0 + 24 * days_apart, b1 + 24 * days_apart
    return None if a0 < b1 and b0 < a1 else "value"


def clocks(a: Obs, b: Obs) -> tuple[float, float]:
    """Two times as minutes that can be compared: instants in UTC when both zones are stated,
    else both clocks as written (a zoned "10:50 local time (05:20 GMT)" against "10:50 a.m.")."""
    if "utc" in a.norm and "utc" in b.norm:
        return a.lo, b.lo
    return float(a.norm["minutes"]), float(b.norm["minutes"])


def time_conflict(a: Obs, b: Obs) -> str | None:
    """Times conflict when the spans their hedges allow do not meet.

    Instants are compared in UTC only when both zones are stated; otherwise both are read
    as local clock times of the event ("9:30 pm local time" and "about 9:30 p.m."). A time
    written only on the universal clock ("at 0945 GMT") or on another country's clock the
    zone table does not know ("1 p.m. UAE time") is not the local clock: against a time
    with no zone it cannot be checked, so it does not conflict.
    """
    if (off_local_clock(a.norm.get("zone")) and "zone" not in b.norm and "utc" not in b.norm) \
            or (off_local_clock(b.norm.get("zone")) and "zone" not in a.norm and "utc" not in a.norm):
        return None  # (an unzoned time whose instant the story settled compares in UTC)
    x, y = clocks(a, b)
    (a_lo, a_hi), (b_lo, b_hi) = _time_span(a, x), _time_span(b, y)
    if a_hi < b_lo:  # a day's wrap: 23:50 and 00:10 are twenty minutes apart
        a_lo, a_hi = (a_lo + 1440, a_hi + 1440) if b_lo - a_hi > 720 else (a_lo, a_hi)
    elif b_hi < a_lo:
        b_lo, b_hi = (b_lo + 1440, b_hi + 1440) if a_lo - b_hi > 720 else (b_lo, b_hi)
    if a_lo < a_hi and b_lo < b_hi:  # two hedged spans must share more than an edge:
        return None if a_lo < b_hi and b_lo < a_hi else "value"  # "around 7" and "around 7.20"
    return None if a_lo <= b_hi and b_lo <= a_hi else "value"


_WORD_CLOCK = re.compile(r"\b(?:midnight|noon|midday)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:shortly|just|soon)\s+before\b", re.IGNORECASE)
_AFTER = re.compile(r"\b(?:shortly|just|soon)\s+after\b", re.IGNORECASE)


def _time_span(o: Obs, at: float) -> tuple[float, float]:
    """The minutes a clock reading allows, around ``at`` (its minutes in the compared clock).

    "About 9 p.m." is a quarter of an hour either side (8:55 is about nine; an outlet that
    knew 9:20 would not round it to nine, and an editor flags "around 7 pm" against "around
    7.20 pm"); "around 5:30" ten minutes (an editor flags "about 5:15" against it); "around
    7.20 pm" five minutes; "approximately 8:54 p.m." only that minute (an
    editor flags 8:54 against 8:55). "Shortly before 6 a.m." is the half hour before six,
    "shortly after 10 p.m." the half hour after ten; "just before midnight" the hour before.
    """
    if not o.approx:
        return at, at
    minutes = int(o.norm["minutes"])
    word = bool(_WORD_CLOCK.search(o.surface))
    if _BEFORE.search(o.surface):
        return at - (60.0 if word else 30.0), at
    if _AFTER.search(o.surface):
        return at, at + (60.0 if word else 30.0)
    if word:
        slack = 60.0  # "around midnight": an hour's reading, not a minute's
    elif minutes % 60 == 0:
        slack = 15.0
    elif minutes % 30 == 0:
        slack = 10.0  # "around 5:30": read to the half hour, not to a quarter either side
    else:
        slack = 4.0 if minutes % 5 == 0 else 0.0  # "around 9:50": 9:45 is another reading
    return at - slack, at + slack


def conflict(a: Obs, b: Obs) -> str | None:
    """The conflict between two observations of the same kind."""
    if a.kind == "count":
        return count_conflict(a, b)
    if a.kind == "date":
        return date_conflict(a, b)
    return time_conflict(a, b)


def reportable_conflict(a: Obs, b: Obs) -> str | None:
    """``conflict`` as shown to the reader. A relative date in an undated article was resolved
    against the story's usual date, and one inside a quote against a day the speaker may not
    have spoken on: guesses good enough to line dates up but not to contest them. What such
    a date still states for sure is its weekday: "on Monday" against "on Sunday" (or against
    June 18, a Sunday) is a conflict however the days were placed."""
    anchors = {a.norm.get("anchor"), b.norm.get("anchor")} - {None}
    if not anchors:
        return conflict(a, b)
    if anchors == {"story"} and a.kind == "date":
        wa, wb = a.norm.get("weekday"), b.norm.get("weekday")
        if wa is not None and wb is not None:
            apart = (wb - wa) % 7
            return _hours_conflict(a, b, apart - 7 if apart > 3 else apart)
    return None


def plausible_variant(a: Obs, b: Obs) -> bool:
    """Whether two conflicting values are close enough to be outlets disagreeing about one
    thing rather than two different things: counts within a factor of two (vague words
    always qualify), dates within three days, clock times within three hours."""
    if a.kind == "count":
        if "vague" in a.norm or "vague" in b.norm:
            return True
        if "celsius" in a.norm and "celsius" in b.norm:
            return abs(float(a.norm["celsius"]) - float(b.norm["celsius"])) <= 10.0
        na, nb = float(a.norm.get("metres", a.norm["n"])), float(b.norm.get("metres", b.norm["n"]))
        if min(na, nb) <= 0:
            return False
        return max(na, nb) / min(na, nb) <= (3.0 if "metres" in a.norm else 2.0)
    if a.kind == "date":
        gap = max(a.lo, b.lo) - min(a.hi, b.hi)
        coarse = a.hi > a.lo or b.hi > b.lo  # a week or a month already allows for slack
        return gap <= (1 if coarse else 3)
    x, y = clocks(a, b)
    return time_conflict(a, b) is None or abs(x - y) <= 180


def value_key(o: Obs) -> tuple:
    """Observations with the same key show the same value (one FactValue)."""
    if o.kind == "count":
        if "vague" in o.norm:
            return ("vague", o.norm["vague"])
        op = o.norm["op"]
        if op == "range":
            return (op, o.lo, o.hi)
        if "celsius" in o.norm or "metres" in o.norm:  # 118F is not 118C, nor 20 miles 20 km
            return (op, float(o.norm["n"]), str(o.norm.get("unit") or ""))
        return (op, float(o.norm["n"]))
    if o.kind == "date":
        return (o.lo, o.hi, o.norm.get("part"), o.norm.get("anchor"))
    return ("utc" in o.norm, o.lo, o.approx)
