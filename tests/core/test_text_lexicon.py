"""The claims and facts engines read bound words from one lexicon (core/text/lexicon.py)."""

from __future__ import annotations

import pytest
from claims_helpers import one
from wiredesk.core.facts.quantities import find_counts
from wiredesk.core.text import BOUND_OPS

CLAIMS_NAME = {"~<": "<~"}
"""The claims engine's JSON writes "nearly" as <~ (its documented shape); the meaning is one."""


@pytest.mark.parametrize("phrase", ["exceeding", "nearly", "at least", "as many as", "just under", "about"])
def test_both_engines_read_a_bound_alike(phrase: str) -> None:
    sentence = f"Officials said {phrase} 150 homes were flooded in the valley."
    (count,) = [c for c in find_counts(sentence) if c.n == 150]
    claim = one(sentence, "count")
    assert count.op == BOUND_OPS[phrase]
    assert claim.normalized["op"] == CLAIMS_NAME.get(BOUND_OPS[phrase], BOUND_OPS[phrase])
