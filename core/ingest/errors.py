"""The one error type ingest raises for bad input."""

from __future__ import annotations


class IngestError(Exception):
    """A file or input that cannot be ingested, with a one-line reason for the user.

    ``str(err)`` is ``"<source>: <reason>"``, ready to print on stderr.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
