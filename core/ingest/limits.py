"""Ingest's size limit, in a module of its own so callers can read it without importing
the parsers."""

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused before being read (``wiredesk index --max-size``)."""
