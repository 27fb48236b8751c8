"""HTML pages: main text via trafilatura, metadata from meta tags and JSON-LD.

Two layers, so a hostile page can never take ingest down:

1. A stdlib ``html.parser`` pass (streaming, no recursion, no network) reads what the page
   *states* — ``<title>``, Open Graph / article / Dublin Core meta, ``rel=canonical``, JSON-LD
   ``NewsArticle`` fields — measures nesting depth, and collects block text as a fallback.
2. trafilatura (imported here, lazily, so plain-text users never pay its import time) finds
   the main text, with its slow date heuristics off (``fast=True``, no extensive date search).
   It is skipped for absurdly deep pages, and any failure in it (a RecursionError on deep
   trees, an ImportError in a broken install, anything else) falls back to layer 1's text.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from . import textmeta
from .clean import Meta
from .dates import parse_any
from .paragraphs import tidy

MAX_DEPTH_FOR_EXTRACTOR = 400
"""Deeper pages are not handed to trafilatura (lxml and its tree walks recurse)."""
MAX_JSONLD_CHARS = 1_000_000

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())  # noqa: SIM905
_SKIP = frozenset("script style noscript template svg math nav aside form button select iframe footer object".split())  # noqa: SIM905
_BLOCK = frozenset(
    """p div br li ul ol h1 h2 h3 h4 h5 h6 article section blockquote tr td th table figcaption
    figure pre header main dd dt dl address hr title caption details summary""".split(),  # noqa: SIM905
)
_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|webpage", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•]\s+[^|\-–—:·•]{2,60}$")


class _PageParser(HTMLParser):
    """Collects meta fields, JSON-LD blobs, block text and the maximum nesting depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] = []
        self.jsonld: list[str] = []
        self.paras: list[str] = []
        self.article_paras: list[str] = []
        self.times: list[str] = []
        self.depth = 0
        self.max_depth = 0
        self._skip = 0
        self._in_title = False
        self._in_jsonld = False
        self._jsonld_buf: list[str] = []
        self._article = 0
        self._buf: list[str] = []

    def _flush(self) -> None:
        if self._buf:
            text = tidy("".join(self._buf).replace("\n", " ").replace("\r", " "))
            self._buf = []
            if text:
                self.paras.append(text)
                if self._article:
                    self.article_paras.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
            return
        if tag == "link":
            if "canonical" in a.get("rel", "").lower().split() and a.get("href") and not self.canonical:
                self.canonical = a["href"].strip()
            return
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_jsonld = True
            self._jsonld_buf = []
        if tag == "title" and not self._skip:
            self._in_title = True
            return
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in ("article", "main"):
            self._flush()
            self._article += 1
        if tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.depth:
            self.depth -= 1
        if tag == "script" and self._in_jsonld:
            self._in_jsonld = False
            blob = "".join(self._jsonld_buf)
            if len(blob) <= MAX_JSONLD_CHARS:
                self.jsonld.append(blob)
        if tag == "title":
            self._in_title = False
            return
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("article", "main") and self._article:
            self._flush()
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self._jsonld_buf.append(data)
        elif self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _jsonld_article(blobs: list[str]) -> dict[str, Any]:
    """The first article-like JSON-LD object on the page (searching @graph lists)."""
    for blob in blobs:
        try:
            data = json.loads(blob.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        steps = 0
        while stack and steps < 500:
            steps += 1
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds) and (
                    item.get("headline") or item.get("datePublished")
                ):
                    return item
                if "@graph" in item:
                    stack.append(item["@graph"])
    return {}


def _names(value: Any) -> str | None:
    """Author or publisher names from a JSON-LD value (string, object or list)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for it in items[:8]:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(name.strip())
    return ", ".join(names) or None


def _url_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value.strip() if isinstance(value, str) and value.strip().startswith("http") else None


def _clean_name(value: str | None) -> str | None:
    if not value:
        return None
    value = tidy(value)
    if not value or value.startswith(("http://", "https://")):
        return None
    stripped = textmeta.byline(f"By {value}")
    return stripped or value


def page_meta(p: _PageParser) -> Meta:
    """What the page's head states, preferring structured data over loose tags."""
    ld = _jsonld_article(p.jsonld)
    m = p.meta
    meta = Meta()
    outlet = _names(ld.get("publisher")) if ld else None
    meta.outlet = tidy(m.get("og:site_name") or outlet or m.get("application-name") or "") or None
    title = (ld.get("headline") if isinstance(ld.get("headline"), str) else None) or m.get("og:title") \
        or m.get("twitter:title") or m.get("dc.title") or "".join(p.title_parts)
    if title:
        title = tidy(title.replace("\n", " "))
        if not (ld.get("headline") or m.get("og:title")):
            title = _TITLE_SUFFIX.sub("", title) if meta.outlet and meta.outlet in title else title
        meta.title = title or None
    meta.byline = _clean_name(
        (_names(ld.get("author")) if ld else None) or m.get("author") or m.get("article:author")
        or m.get("parsely-author") or m.get("sailthru.author") or m.get("dc.creator")
    )
    for raw in (
        ld.get("datePublished") if ld else None, m.get("article:published_time"), m.get("datepublished"),
        m.get("pubdate"), m.get("publishdate"), m.get("parsely-pub-date"), m.get("sailthru.date"),
        m.get("dc.date.issued"), m.get("dc.date"), m.get("date"), *(p.times[:1]),
    ):
        stamp = parse_any(raw if isinstance(raw, str) else None)
        if stamp:
            meta.published, meta.published_at = stamp.date, stamp.at
            break
    url = p.canonical or m.get("og:url") or (_url_of(ld.get("mainEntityOfPage")) or _url_of(ld.get("url")))
    meta.url = url if url and url.startswith(("http://", "https://")) else None
    return meta


def parse_page(text: str) -> _PageParser:
    """Run the stdlib pass over ``text`` (never raises on bad markup)."""
    p = _PageParser()
    try:
        p.feed(text)
        p.close()
    except (AssertionError, ValueError, RecursionError):  # html.parser's own complaints
        p._flush()
    return p


def html_to_paragraphs(text: str) -> list[str]:
    """Block text of an HTML fragment (feed entry content) with the stdlib parser."""
    return parse_page(text).paras


def _trafilatura(text: str) -> tuple[list[str], Meta] | None:
    try:
        from trafilatura import bare_extraction  # lazy: heavy import, only for HTML
    except Exception:  # a broken install must not break ingest: use the stdlib text
        return None
    try:
        doc = bare_extraction(
            text, fast=True, with_metadata=True, include_comments=False, include_images=False,
            include_tables=True, favor_precision=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (Exception, RecursionError):
        return None
    if doc is None or not getattr(doc, "text", None):
        return None
    paras = [t for t in (tidy(s) for s in doc.text.split("\n")) if t]
    sitename = tidy(doc.sitename) if doc.sitename else None
    if sitename and doc.hostname and sitename.lower().removeprefix("www.") == doc.hostname.lower().removeprefix(
        "www."
    ):
        sitename = None  # trafilatura fills the site name from the URL: not something the page said
    meta = Meta(
        title=tidy(doc.title) if doc.title else None,
        outlet=sitename,
        byline=_clean_name(doc.author),
        url=doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None,
    )
    stamp = parse_any(doc.date)
    if stamp:
        meta.published = stamp.date
    return paras, meta


def extract_html(text: str) -> tuple[list[str], Meta]:
    """Main-text paragraphs and stated metadata of an HTML page."""
    page = parse_page(text)
    meta = page_meta(page)
    result = _trafilatura(text) if page.max_depth <= MAX_DEPTH_FOR_EXTRACTOR else None
    if result and result[0]:
        paras, tmeta = result
        meta.fill_from(tmeta)
        return paras, meta
    prose = [p for p in page.article_paras if len(p) > 80]
    return (page.article_paras if prose else page.paras), meta
