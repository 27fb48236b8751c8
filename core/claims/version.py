"""The claims engine's version, in a module of its own so a reader that opens a story with
cached facts can build the cache key without importing the extractors (~90 ms)."""

ENGINE_VERSION = "claims-13"
"""Bumped whenever ``analyze``'s output changes, so analyses cached in an index are redone."""
