"""Text facts every engine stage shares: the one rule that gives a yearless date its year,
and the bound words as data (``lexicon``).

ingest, claims, facts and grouping each read dates; when they inferred the year of "February
20" each in its own way, an article dated 2024-01-05 could put it in 2023 for one stage and
in 2024 for another. ``year_for`` is the only rule now.
"""

from __future__ import annotations

from .lexicon import BOUND_OPS
from .years import year_for

__all__ = ["BOUND_OPS", "year_for"]
