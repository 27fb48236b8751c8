"""Turn files, folders, feeds and stdin into clean ``ParsedArticle`` objects.

Public entry points (the service calls only these):

- ``iter_sources(paths)`` walks files and folders, yielding ``Path`` objects to read, or
  ``IngestError`` for a path that cannot be read (missing, unreadable, a symlink loop).
- ``parse_file(path, max_bytes=...)`` reads one file and returns its articles (a feed gives
  several), or raises ``IngestError`` with a one-line reason.
- ``parse_bytes(data, source, name_hint=...)`` does the same for bytes (stdin).

Where things live: ``walk`` (folders, loops, unreadable entries), ``pipeline`` (safe reading,
format dispatch), ``decode`` (binary refusal, encodings, NULs), ``sniff`` (format by content),
``html`` / ``markdown`` / ``feeds`` (per-format text and stated metadata; trafilatura,
feedparser and defusedxml are imported only when such a file arrives), ``paragraphs``
(paragraph splitting, whitespace), ``clean`` (head/body/tail zones, metadata lines, removed
lines), ``junk`` / ``captions`` / ``textmeta`` / ``dates`` (the general rules it applies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import IngestError
from .limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from .pipeline import parse_bytes, parse_file
    from .walk import iter_sources

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "iter_sources", "parse_bytes", "parse_file"]


def __getattr__(name: str) -> Any:
    """Load the parsers on first use: opening the reader on an existing index needs none."""
    if name in ("parse_bytes", "parse_file"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "iter_sources":
        from .walk import iter_sources

        return iter_sources
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
