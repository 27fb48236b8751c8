"""Persistence: the SQLite index (``index``) and its schema (``schema``)."""

from wiredesk.core.store.index import FileState, Index, IndexCorrupt, WriteResult, content_hash

__all__ = ["FileState", "Index", "IndexCorrupt", "WriteResult", "content_hash"]
