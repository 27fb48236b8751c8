"""Each outlet's row in the facts panel quotes that outlet's own words."""

from __future__ import annotations

from wiredesk.core.models import Evidence, Fact, FactValue
from wiredesk.tui.widgets.facts_panel import picks


def _fact(*evidence: Evidence, value: str) -> Fact:
    return Fact("f1", "s1", "attacks on bases", "count", "contested",
                [FactValue(value, {"op": ">", "n": 40}, sorted({e.article for e in evidence}), list(evidence))],
                conflict="bound", sources=len(evidence))


def test_outlet_wording_replaces_the_group_text() -> None:
    fact = _fact(
        Evidence("a", "Bases were hit over 40 times.", 0, 29, "over 40"),
        Evidence("b", "Bases were hit more than 40 times.", 0, 34, "more than 40"),
        value="over 40",
    )
    assert [p.wording for p in picks(fact)] == ["over 40", "more than 40"]


def test_resolved_relative_dates_keep_their_resolution() -> None:
    fact = _fact(Evidence("a", "It happened last night.", 0, 23, "last night"), value="last night (2024-02-07)")
    assert picks(fact)[0].wording == "last night (2024-02-07)"


def test_older_cached_evidence_without_wording_falls_back() -> None:
    fact = _fact(Evidence("a", "Bases were hit over 40 times.", 0, 29), value="over 40")
    assert picks(fact)[0].wording == "over 40"
