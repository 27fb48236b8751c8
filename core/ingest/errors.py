"""The one error type ingest raises for bad input."""

from __future__ import annotations

from ..safetext import file_name


class IngestError(Exception):
    """A file or input that cannot be ingested, with a one-line reason for the user.

    ``str(err)`` is ``"<source>: <reason>"``, ready to print on stderr. A source whose
    name holds bytes that are not UTF-8 is named with ``\\xNN`` escapes (``file_name``).
    """

    def __init__(self, source: str, reason: str) -> None:
        source = file_name(source)
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        # pickled as its two fields (a parse made in another process comes back this way)
        return type(self), (self.source, self.reason)
