"""The reader app. Importing this package does not import Textual: ``run_reader`` does,
so ``wiredesk --help`` and ``wiredesk list`` stay fast and work without a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.service import Wiredesk

__all__ = ["run_reader"]


def run_reader(service: Wiredesk, paths: list[str]) -> int:
    """Open the reader on ``service`` after indexing ``paths``; return the exit code."""
    from .run import run_reader as _run

    return _run(service, paths)
