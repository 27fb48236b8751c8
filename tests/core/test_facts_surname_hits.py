"""``surname_hits`` finds exactly what the per-surname pattern it replaces found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from wiredesk.core.facts.people import surname_hits

_SURNAMES = ["Varga", "Alawi", "Al", "O'Neill", "Nuñez", "a.b"]
_PIECES = ["al-", "al ", "El-", "El ", "Al ", "el", "-", "_", " ", "x", "3", "é", ",", "al-al-", *_SURNAMES]


def _reference(text: str, spelled: str) -> list[tuple[int, str]]:
    pattern = re.compile(rf"(?<![\w-])(?:(?:al|el|Al|El)[- ])?{re.escape(spelled)}(?![\w-])")
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), st.sampled_from(_SURNAMES))
def test_surname_hits_match_the_pattern(text: str, spelled: str) -> None:
    assert surname_hits(text, spelled) == _reference(text, spelled)


def test_surname_hits_keep_the_prefix_and_skip_longer_words() -> None:
    assert surname_hits("al-Varga met Vargas and Varga.", "Varga") == [(0, "al-Varga"), (24, "Varga")]
