"""Decide what a file holds: text, markdown, HTML or a feed.

The extension is trusted when it names a known format, but a ``.txt`` that is really a saved
web page is still read as HTML, and an ``.xml`` is only a feed when its root says so.
Unknown extensions are sniffed from the first few kilobytes of decoded text, never guessed
from the name alone.
"""

from __future__ import annotations

import re
from pathlib import PurePath

TEXT, MARKDOWN, HTML, FEED = "text", "markdown", "html", "feed"

_BY_SUFFIX = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN, ".mkd": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".rss": FEED, ".atom": FEED, ".rdf": FEED, ".feed": FEED,
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF|RDF)\b", re.IGNORECASE)
_HTML_START = re.compile(r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_XML_START = re.compile(r"^<\?xml\b", re.IGNORECASE)
_TAGS = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|table|meta|script)\b", re.IGNORECASE)


def _looks_like_feed(head: str) -> bool:
    m = _FEED_ROOT.search(head)
    return bool(m) and "<html" not in head[: m.start()].lower()


def sniff(text: str, name_hint: str = "") -> str:
    """The format of ``text``: ``text``, ``markdown``, ``html`` or ``feed``."""
    suffix = PurePath(name_hint).suffix.lower() if name_hint else ""
    head = text[:4096].lstrip()
    by_name = _BY_SUFFIX.get(suffix)
    if by_name == FEED:
        return FEED
    if by_name in (TEXT, MARKDOWN):
        return HTML if _HTML_START.match(head) else by_name
    if by_name == HTML:
        return FEED if _XML_START.match(head) and _looks_like_feed(head) else HTML
    if _XML_START.match(head) or head.startswith(("<rss", "<feed", "<rdf:RDF")):
        if _looks_like_feed(head):
            return FEED
        if suffix == ".xml" or _XML_START.match(head):
            return HTML if re.search(r"<html\b", head, re.IGNORECASE) else "xml"
    if _HTML_START.match(head) or len(_TAGS.findall(head)) >= 5:
        return HTML
    if re.search(r"^#{1,6} \S", head, re.MULTILINE):
        return MARKDOWN
    return TEXT
