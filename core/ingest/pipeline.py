"""Placeholder pipeline: plain UTF-8 text only. Replaced by the real ingest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from wiredesk.core.ingest.errors import IngestError
from wiredesk.core.models import ParsedArticle

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(q for q in path.rglob("*") if q.is_file() and not q.name.startswith("."))
        elif path.is_file():
            yield path
        else:
            yield IngestError(str(p), "no such file or folder")


def parse_bytes(data: bytes, source: str, name_hint: str = "") -> list[ParsedArticle]:
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        raise IngestError(source, "empty file")
    return [ParsedArticle(source=source, raw=text, body="\n\n".join(lines[1:]), title=lines[0])]


def parse_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[ParsedArticle]:
    return parse_bytes(path.read_bytes(), str(path), path.name)
