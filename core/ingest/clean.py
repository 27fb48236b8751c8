"""From paragraphs to a clean body, its caption spans, what was removed, and stated metadata.

The text is read in three zones: the *head* (short lines before the first real paragraph:
title, date, outlet, byline, dateline, slugs, taglines), the *body*, and the *tail* (short
lines after the last real paragraph: comment forms, source footers, the canonical URL).
Metadata is only read from head and tail lines that consist of nothing else, so an article
sentence is never mistaken for a byline or a date. Junk rules apply everywhere but only to
short paragraphs (see ``junk.py``). Every dropped line is kept in ``removed`` with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from ..models import RemovedLine
from . import textmeta
from .captions import is_caption
from .dates import Stamp, date_line, date_prefix, split_date_suffix
from .junk import junk_reason
from .paragraphs import tidy

_PROSE_MIN_CHARS = 90
_PROSE_MIN_WORDS = 14
_HEADLINE_END = re.compile(r"[.;,]$")
_KEY = re.compile(r"[\W_]+")


@dataclass
class Meta:
    """Metadata an article states; every field None until something says it."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    published_at: str | None = None
    dateline: str | None = None
    url: str | None = None

    def date_if_missing(self, stamp: Stamp) -> None:
        """Take ``stamp`` as the publication date unless one was already read (first wins)."""
        if self.published is None and stamp.date:  # "": a stamp line whose date is ambiguous
            self.published, self.published_at = stamp.date, stamp.at

    def fill_from(self, other: Meta) -> None:
        """Take ``other``'s fields where this one has none (first source wins)."""
        for f in fields(self):
            if getattr(self, f.name) is None and getattr(other, f.name) is not None:
                setattr(self, f.name, getattr(other, f.name))


@dataclass
class Cleaned:
    body: str
    captions: list[tuple[int, int]] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)


def _key(text: str) -> str:
    return _KEY.sub(" ", text.casefold()).strip()


def _is_prose(p: str) -> bool:
    return len(p) >= _PROSE_MIN_CHARS and p.count(" ") + 1 >= _PROSE_MIN_WORDS


def _is_sentence(p: str) -> bool:
    """A short paragraph that still reads as a sentence: six words or more, final stop."""
    return p.count(" ") + 1 >= 6 and p.rstrip("\"”’') ")[-1:] in ".!?"


_LIST_HEADERS = frozenset(
    {"most read", "most popular", "related", "related stories", "related articles", "more stories",
     "recommended", "trending", "trending now", "you may also like", "you might also like", "read more",
     "more from this section", "latest news", "top stories", "editor s picks", "popular"}
)
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]?\s+)?[^.!?]{3,200}$")


def _is_label(p: str) -> bool:
    """A lone word above or below the article ("World", "Politics"): a section label."""
    return " " not in p and len(p) <= 25 and p[:1].isalpha() and p[-1:].isalpha()


def _headline_like(p: str) -> bool:
    words = p.count(" ") + 1
    if not 2 <= words <= 30 or len(p) > 220 or _HEADLINE_END.search(p):
        return False
    first = p[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘«"


def clean_paragraphs(paras: list[str], known: Meta | None = None, *, known_outlet_wins: bool = False) -> Cleaned:
    """Sort ``paras`` into body, captions, removed lines and metadata.

    ``known`` carries metadata the container already gave (HTML meta, feed fields): its
    title is used to drop repeated headlines, and text-stated fields only fill its gaps,
    except an explicit "Outlet:"/"Source:" line, which names the outlet more surely than a
    page's site name. ``known_outlet_wins`` keeps the container's outlet even then (a feed
    names its outlet more surely than any line inside an item).
    """
    meta = Meta()
    stated_outlet: str | None = None
    removed: list[RemovedLine] = []
    if any("\n" in p or not p for p in paras):  # a paragraph is one line, whatever the caller gave
        paras = [q for q in (tidy(p.replace("\n", " ")) for p in paras) if q]
    junk = [junk_reason(p) for p in paras]
    caption = [junk[i] is None and is_caption(p) for i, p in enumerate(paras)]
    prose = [i for i, p in enumerate(paras) if junk[i] is None and not caption[i] and _is_prose(p)]
    if prose:
        first_body, last_body = prose[0], prose[-1]
    else:  # short items (wire briefs): the body starts at the first full sentence, so a
        # title, outlet or date line above it is still read as metadata
        sentences = [
            i for i, p in enumerate(paras)
            if i and junk[i] is None and not caption[i] and _is_sentence(p)
        ]
        first_body = sentences[0] if sentences else min(1, len(paras))
        last_body = len(paras) - 1

    title = known.title if known and known.title else None
    title_key = _key(title) if title else None
    if title is None:
        head = [p for i, p in enumerate(paras[:first_body]) if junk[i] is None]
        seen: set[str] = set()
        for p in head:  # a headline printed twice is the headline
            k = _key(p)
            if k in seen and _headline_like(p):
                title = p
                break
            seen.add(k)
        if title is None:
            for p in head:
                if _headline_like(p) and not date_line(p) and not textmeta.byline(p) \
                        and not textmeta.dateline_line(p) and not textmeta.outlet_and_date(p) \
                        and not textmeta.outlet_line(p):
                    title = p
                    break
        if title is not None:
            meta.title = title
            title_key = _key(title)

    # The title key's first word must occur in a paragraph for its key to equal the title's:
    # a substring test that spares the regex for nearly every body paragraph.
    title_probe = title_key.split(" ", 1)[0] if title_key is not None else ""
    kept: list[tuple[str, bool]] = []
    in_teaser_list = False
    title_taken = known is not None and known.title is not None
    for i, p in enumerate(paras):
        zone_edge = i < first_body or i > last_body
        if title_key is not None and len(p) <= 300 and title_probe in p.casefold() and _key(p) == title_key:
            if not title_taken:
                title_taken = True
                removed.append(RemovedLine(p, "metadata: title"))
            else:
                removed.append(RemovedLine(p, "repeated headline"))
            continue
        if zone_edge and len(p) <= 300:
            host = textmeta.source_host(p)
            if host:
                meta.outlet = meta.outlet or host
                removed.append(RemovedLine(p, "source footer"))
                continue
            named = textmeta.outlet_line(p)
            if named:
                stated_outlet = stated_outlet or named
                removed.append(RemovedLine(p, "metadata: outlet"))
                continue
            if junk[i] is None and _edge_metadata(p, meta, removed, head=i < first_body):
                continue
        if junk[i] is not None:
            removed.append(RemovedLine(p, junk[i]))
            if i > last_body and _key(p) in _LIST_HEADERS:
                in_teaser_list = True
            continue
        if zone_edge and _is_label(p):
            removed.append(RemovedLine(p, "section label"))
            continue
        if in_teaser_list and _LIST_ITEM.match(p):
            removed.append(RemovedLine(p, "teaser list"))
            continue
        if i == first_body:
            glued = date_prefix(p)
            if glued is not None:
                meta.date_if_missing(glued[0])
                removed.append(RemovedLine(p[:len(p) - len(glued[1])].strip(), "metadata: date"))
                p = glued[1]
            if meta.dateline is None:
                meta.dateline = textmeta.dateline_prefix(p)
        kept.append((p, caption[i]))

    body_parts: list[str] = []
    captions: list[tuple[int, int]] = []
    pos = 0
    for p, cap in kept:
        if body_parts:
            pos += 2
        if cap:
            captions.append((pos, pos + len(p)))
        body_parts.append(p)
        pos += len(p)
    if stated_outlet:
        meta.outlet = stated_outlet
    if known is not None:
        known_copy = Meta(**{f.name: getattr(known, f.name) for f in fields(known)})
        if stated_outlet and not (known_outlet_wins and known.outlet):
            known_copy.outlet = stated_outlet
        known_copy.fill_from(meta)
        meta = known_copy
    for f in fields(meta):  # metadata is one plain line or nothing
        value = getattr(meta, f.name)
        if value is not None:
            setattr(meta, f.name, tidy(value.replace("\n", " ")) or None)
    return Cleaned("\n\n".join(body_parts), captions, removed, meta)


def _edge_metadata(p: str, meta: Meta, removed: list[RemovedLine], *, head: bool) -> bool:
    """Record ``p`` as metadata if it is a head/tail metadata line; say whether it was."""
    stamp = date_line(p)
    if stamp:
        meta.date_if_missing(stamp)
        removed.append(RemovedLine(p, "metadata: date"))
        return True
    name = textmeta.byline(p)
    if name:
        meta.byline = meta.byline or name
        dated = split_date_suffix(p)  # "By Ana Lima, February 8, 2024"
        if dated:
            meta.date_if_missing(dated[1])
        removed.append(RemovedLine(p, "metadata: byline"))
        return True
    pair = textmeta.outlet_and_date(p)
    if pair:
        meta.outlet = meta.outlet or pair[0]
        meta.date_if_missing(pair[1])
        removed.append(RemovedLine(p, "metadata: outlet and date"))
        return True
    placed = textmeta.place_and_date(p) if head else None
    if placed:
        meta.dateline = meta.dateline or placed[0]
        meta.date_if_missing(placed[1])
        removed.append(RemovedLine(p, "metadata: dateline and date"))
        return True
    place = textmeta.dateline_line(p) if head else None
    if place:
        meta.dateline = meta.dateline or place
        removed.append(RemovedLine(p, "metadata: dateline"))
        return True
    url = textmeta.url_line(p)
    if url:
        meta.url = meta.url or url
        removed.append(RemovedLine(p, "metadata: url"))
        return True
    return False
