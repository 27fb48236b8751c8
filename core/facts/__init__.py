"""Facts across a story: which values the outlets agree on, contest, or alone report.

Entry points (used by ``core/service.py``):

- ``compare_story(story_id, articles, analyses) -> list[Fact]`` — line up the claims of a
  story's articles into fact slots and compare the values (see ``story``). Reprints
  (``Article.copy_of``) count with their original: ``Fact.sources`` is the number of
  independent outlets.
- ``fact_from_json(d) -> Fact`` — the inverse of ``Fact.to_dict`` (the index caches facts).
- ``ENGINE_VERSION`` — bumped whenever the output changes, so cached facts are redone.
- ``paused_gc()`` — the cycle collector off for a batch of engine work (see ``gc_pause``).

The engine itself is imported on first use of ``compare_story``: a reader that opens a
story whose facts are cached only needs the version and ``fact_from_json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import Fact
from .gc_pause import paused_gc
from .version import ENGINE_VERSION

if TYPE_CHECKING:
    from .story import compare_story

__all__ = ["ENGINE_VERSION", "compare_story", "fact_from_json", "paused_gc"]


def fact_from_json(data: dict[str, Any]) -> Fact:
    """Rebuild a ``Fact`` from ``Fact.to_dict()`` output (as cached in the index)."""
    return Fact.from_dict(data)


def __getattr__(name: str) -> Any:
    if name == "compare_story":
        from .story import compare_story

        return compare_story
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
