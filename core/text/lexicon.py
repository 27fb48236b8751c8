"""Words every stage reads the same way, as data: bound phrases and what they say.

The claims engine and the facts engine used to keep their own lists, and "exceeding 150" was
a floor for one and an exact figure for the other. Both now read ``BOUND_OPS``.
"""

from __future__ import annotations

BOUND_OPS: dict[str, str] = {
    # floors
    "at least": ">=", "no fewer than": ">=", "no less than": ">=", "a minimum of": ">=",
    # strict floors
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "exceeding": ">",
    "upwards of": ">", "greater than": ">", "just over": ">",
    # ceilings
    "up to": "<=", "at most": "<=", "no more than": "<=", "a maximum of": "<=", "as many as": "<=",
    # strict ceilings
    "fewer than": "<", "less than": "<", "under": "<", "below": "<", "just under": "<",
    # approximately
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "approx.": "~", "some": "~",
    "an estimated": "~", "estimated": "~", "circa": "~", "about some": "~",
    # approaching from below
    "nearly": "~<", "almost": "~<", "close to": "~<", "just shy of": "~<",
}
"""Bound phrase (lower case) -> what it says of the figure after it: ``>=`` at least, ``>``
more than, ``<=`` at most, ``<`` less than, ``~`` about, ``~<`` nearly (a little under)."""
