"""RSS and Atom feeds: one article per entry, parsed by feedparser behind a defusedxml gate.

XML from the web is hostile input. Before feedparser sees a byte, defusedxml parses the
document with entity declarations and external references *forbidden*: a billion-laughs
bomb or an ``<!ENTITY x SYSTEM "file:///etc/passwd">`` is refused, never expanded or
fetched, and malformed XML is refused with the parser's one-line reason. feedparser is
then given the bytes themselves (never a URL or path, so it cannot fetch anything) and is
imported lazily so plain-text users do not pay for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import Meta
from .dates import parse_any
from .errors import IngestError
from .html import html_to_paragraphs
from .paragraphs import tidy

_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "rdf"})
_MAILBOX = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
_HTMLISH = re.compile(r"<[a-zA-Z/][^>]{0,200}>")
SUMMARY_CHARS = 600
"""An entry without full content whose text is shorter than this carries only a summary."""


@dataclass
class FeedEntry:
    """One feed entry: its id for the source name, paragraphs and stated metadata."""

    key: str
    paras: list[str]
    meta: Meta
    raw: str
    summary_only: bool = False
    """No full content, only a short summary: the linked page holds the article."""


def check_xml(data: bytes, source: str) -> None:
    """Refuse malformed XML, entity declarations and external references, or a non-feed root."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise IngestError(source, f"unsafe feed XML refused ({type(exc).__name__}: entities or "
                                  "external references are never expanded)") from exc
    except ParseError as exc:
        raise IngestError(source, f"malformed feed XML ({exc})") from exc
    except (ValueError, RecursionError) as exc:
        raise IngestError(source, f"malformed feed XML ({type(exc).__name__})") from exc
    tag = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    if tag not in _FEED_ROOTS:
        raise IngestError(source, f"XML document is not an RSS/Atom feed (root <{tag}>)")


def _text(value: str | None) -> list[str]:
    if not value:
        return []
    if _HTMLISH.search(value):
        return html_to_paragraphs(value)
    return [t for t in (tidy(s) for s in value.split("\n")) if t]


def parse_feed(data: bytes, source: str) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries; raises ``IngestError`` for unsafe or bad XML."""
    check_xml(data, source)
    import feedparser  # lazy: only feed users pay its import time

    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # feedparser is lenient; anything escaping it is a bad feed
        raise IngestError(source, f"malformed feed ({type(exc).__name__})") from exc
    feed_title = tidy(parsed.feed.get("title", "")) or None
    entries: list[FeedEntry] = []
    for index, entry in enumerate(parsed.entries):
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry["content"]), key=len)
        summary = entry.get("summary", "")
        body_src = content if len(content) >= len(summary) else summary
        meta = Meta(outlet=feed_title)
        meta.title = tidy(entry.get("title", "")) or None
        link = entry.get("link", "")
        meta.url = link if link.startswith(("http://", "https://")) else None
        author = entry.get("author") or ", ".join(
            a.get("name", "") for a in entry.get("authors", []) if a.get("name")
        )
        mailbox = _MAILBOX.match(author.strip())  # RSS "email (Name)" (feedparser mangles it)
        if mailbox:
            author = mailbox["name"]
        meta.byline = tidy(author) if author and "@" not in author else None
        for key in ("published", "updated", "created"):
            stamp = parse_any(entry.get(key))
            if stamp:
                meta.published, meta.published_at = stamp.date, stamp.at
                break
        paras = _text(body_src)
        if not paras and meta.title:
            paras = [meta.title]
        key = entry.get("id") or entry.get("guid") or str(index)
        raw = "\n\n".join(x for x in (meta.title or "", body_src) if x)
        short = len(" ".join(paras)) < SUMMARY_CHARS
        entries.append(FeedEntry(str(key), paras, meta, raw, summary_only=not content and short))
    return feed_title, entries
