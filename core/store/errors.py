"""Errors the store raises, each with a one-line message naming the file and the reason.

Kept apart from ``index`` so ``schema.transaction`` (used by the triage store too) can raise
them without an import cycle.
"""

from __future__ import annotations


class IndexError_(RuntimeError):
    """Base for index problems the CLI reports in one line."""


class IndexCorrupt(IndexError_):
    """The index file is not a usable SQLite database (truncated, overwritten, ...).

    Only raised for SQLite's "not a database" and "malformed" errors: a locked, unreadable
    or missing-folder index is :class:`IndexUnavailable` instead, because moving such a file
    aside and rebuilding would be wrong.
    """


class IndexUnavailable(IndexError_):
    """The index cannot be opened for a reason that is not corruption (permissions, disk...)."""


class WriteFailed(IndexError_):
    """A write could not be committed (disk full, read-only file, I/O error, a writer that
    held the lock past the timeout). The transaction was rolled back: nothing half-written."""
