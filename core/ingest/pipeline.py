"""Read a file or bytes and turn it into ``ParsedArticle`` objects.

``parse_file`` checks the size *before* reading (a 200 MB file is refused without being
loaded), refuses anything that is not a regular file (a FIFO would block forever), reads at
most ``max_bytes + 1`` bytes, and compares size and mtime before and after: a file that
changed while being read is read once more, and refused if it changes again, so a
half-written file never lands in the index.

``parse_bytes`` then decodes (``decode.py``), sniffs the format (``sniff.py``), extracts
paragraphs and stated metadata per format (text, markdown, HTML, feed), and cleans them
(``clean.py``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..models import ParsedArticle, RemovedLine
from ..outlets import registered_domain
from ..safetext import file_name, web_url
from . import sniff as formats
from .clean import Meta, clean_paragraphs
from .dates import url_date
from .decode import decode
from .errors import IngestError
from .limits import DEFAULT_MAX_BYTES
from .paragraphs import split_paragraphs
from .walk import iter_sources

__all__ = ["DEFAULT_MAX_BYTES", "iter_sources", "parse_bytes", "parse_feed_items", "parse_file"]


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _article(source: str, raw: str, fmt: str, paras: list[str], known: Meta | None,
             extra_removed: list[RemovedLine], *, allow_title_body: bool = False) -> ParsedArticle:
    cleaned = clean_paragraphs(paras, known, known_outlet_wins=fmt == formats.FEED)
    body, captions = cleaned.body, cleaned.captions
    meta = cleaned.meta
    if not meta.outlet and meta.url:
        # Last resort before no outlet at all: the site the URL names (never the file name).
        meta.outlet = registered_domain(web_url(meta.url))
    if not meta.published and meta.url:
        # Many sites write the day into the address; without it every "on Sunday" and
        # "yesterday" of the article stays unresolved.
        meta.published = url_date(web_url(meta.url))
    if not body:
        if allow_title_body and meta.title:
            body, captions = meta.title, []
        else:
            raise IngestError(source, "no article text (only headings, metadata or site boilerplate)")
    return ParsedArticle(
        source=source, raw=raw, body=body, format=fmt, title=meta.title, outlet=meta.outlet,
        byline=meta.byline, published=meta.published, published_at=meta.published_at,
        dateline=meta.dateline, url=web_url(meta.url), captions=captions,
        removed=extra_removed + cleaned.removed,
    )


def parse_bytes(data: bytes, source: str, name_hint: str = "") -> list[ParsedArticle]:
    """Articles in ``data`` (one, or one per feed entry); ``IngestError`` for bad input."""
    decoded = decode(data, source)
    text = decoded.text
    if not text.strip():
        raise IngestError(source, "file holds only whitespace")
    extra: list[RemovedLine] = []
    if decoded.nuls_stripped:
        extra.append(RemovedLine(f"<{decoded.nuls_stripped} NUL bytes>", "stray NUL bytes stripped"))
    fmt = formats.sniff(text, name_hint)
    try:
        if fmt == formats.FEED:
            return _parse_feed(data, text, source, extra)
        if fmt == "xml":
            raise IngestError(source, "XML document that is not an RSS/Atom feed")
        if fmt == formats.HTML:
            from .html import extract_html

            paras, meta = extract_html(text)
            return [_article(source, text, fmt, paras, meta, extra)]
        if fmt == formats.MARKDOWN:
            from .markdown import markdown_to_text

            plain, meta = markdown_to_text(text)
            known = meta if any(vars(meta).values()) else None
            return [_article(source, text, fmt, split_paragraphs(plain), known, extra)]
        return [_article(source, text, formats.TEXT, split_paragraphs(text), None, extra)]
    except IngestError:
        raise
    except RecursionError as exc:  # belt and braces: no input may crash ingest
        raise IngestError(source, "input too deeply nested to parse") from exc
    except Exception as exc:  # a parser bug on odd input must cost one file, not the batch
        raise IngestError(source, f"could not parse this {fmt} file ({type(exc).__name__})") from exc


def _parse_feed(data: bytes, text: str, source: str, extra: list[RemovedLine]) -> list[ParsedArticle]:
    return [article for article, _ in parse_feed_items(data, source, extra)]


def parse_feed_items(
    data: bytes, source: str, extra: list[RemovedLine] | None = None
) -> list[tuple[ParsedArticle, bool]]:
    """A feed's articles, each with whether its entry carries only a summary (the fetcher
    then reads the linked page). ``IngestError`` for unsafe, malformed or empty feeds."""
    from .feeds import parse_feed

    # feedparser and expat want the bytes (they honour the XML encoding declaration)
    _, entries = parse_feed(data, source)
    if not entries:
        raise IngestError(source, "feed has no entries")
    out: list[tuple[ParsedArticle, bool]] = []
    for index, entry in enumerate(entries):
        key = entry.key if entry.key and entry.key != str(index) else str(index)
        article = _article(f"{source}#{key}", entry.raw, formats.FEED, entry.paras, entry.meta,
                           list(extra or []), allow_title_body=True)
        out.append((article, entry.summary_only))
    return out


def _read_once(path: Path, max_bytes: int) -> tuple[bytes, os.stat_result]:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise IngestError(str(path), "not a regular file")
        if before.st_size > max_bytes:
            raise IngestError(str(path), f"file is {_mb(before.st_size)}, over the {_mb(max_bytes)} limit")
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise IngestError(str(path), f"file grew over the {_mb(max_bytes)} limit while being read")
    return data, before


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, read safely (see module doc); ``IngestError`` on any problem."""
    source = str(path)
    for attempt in range(2):
        try:
            data, before = _read_once(path, max_bytes)
            after = os.stat(path)
        except IngestError:
            raise
        except IsADirectoryError as exc:
            raise IngestError(source, "is a folder, not a file") from exc
        except PermissionError as exc:
            raise IngestError(source, "permission denied (unreadable)") from exc
        except FileNotFoundError as exc:
            raise IngestError(source, "no such file or folder") from exc
        except OSError as exc:
            raise IngestError(source, exc.strerror or type(exc).__name__) from exc
        unchanged = (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        if unchanged and len(data) == before.st_size:
            return data
        if attempt == 0:
            continue
    raise IngestError(source, "file changed while being read (try again when it is complete)")


def parse_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[ParsedArticle]:
    """Read and parse one file; ``IngestError`` with a one-line reason for bad input."""
    path = Path(path)
    # Stored and shown with undecodable bytes as \xNN: SQLite and stdout take only UTF-8.
    return parse_bytes(read_file(path, max_bytes), file_name(str(path)), path.name)
