"""Persistence: the SQLite index (``index``) and its schema (``schema``)."""

from .index import (
    FileState,
    Index,
    IndexCorrupt,
    IndexUnavailable,
    WriteFailed,
    WriteResult,
    content_hash,
    is_corruption,
)
from .schema import SchemaTooNew

__all__ = [
    "FileState",
    "Index",
    "IndexCorrupt",
    "IndexUnavailable",
    "SchemaTooNew",
    "WriteFailed",
    "WriteResult",
    "content_hash",
    "is_corruption",
]
