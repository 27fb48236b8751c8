"""Markdown to plain paragraphs, plus what its front matter and first heading state.

Markup is stripped, not rendered: headings lose their ``#``, emphasis its stars, links keep
their text, images and HTML tags go, list and quote markers go. YAML-style front matter
(``title:``, ``date:``, ``author:``, ``url:``, ``source:``) is read as metadata because the
author wrote it as metadata. The first ``# Heading`` is the title.
"""

from __future__ import annotations

import re

from .clean import Meta
from .dates import parse_any

_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[(?P<text>[^\]\n]{0,500})\]\((?:[^)\n]{0,2000})\)|\[(?P<text2>[^\]\n]{1,500})\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_EMPH = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"
    r"|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`([^`\n]+)`")
_TAG = re.compile(r"</?[A-Za-z][^>\n]{0,300}>")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,6}(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _inline(text: str) -> str:
    if len(text) > 20000:  # a pathological line: lazy patterns could go quadratic, keep it as is
        return text
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m["text"] if m["text"] is not None else m["text2"], text)
    text = _CODE.sub(r"\1", text)
    text = _EMPH.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return _TAG.sub("", text)


def _front_matter(text: str, meta: Meta) -> str:
    m = _FRONT.match(text)
    if not m:
        return text
    for line in m["body"].split("\n"):
        fm = _FRONT_LINE.match(line.strip())
        if not fm:
            continue
        key, value = fm["key"].lower(), fm["value"].strip().strip("\"'")
        if not value:
            continue
        if key == "title":
            meta.title = value
        elif key in ("date", "published", "pubdate", "published_at"):
            stamp = parse_any(value)
            if stamp:
                meta.published, meta.published_at = stamp.date, stamp.at
        elif key in ("author", "byline", "authors"):
            meta.byline = value
        elif key in ("url", "canonical", "canonical_url", "link"):
            meta.url = value
        elif key in ("outlet", "site", "source", "publisher"):
            meta.outlet = value
        elif key == "dateline":
            meta.dateline = value
    return text[m.end():]


def markdown_to_text(text: str) -> tuple[str, Meta]:
    """Plain text (paragraphs split by blank lines) and the metadata the markdown states."""
    meta = Meta()
    text = _front_matter(text, meta)
    text = _REF_DEF.sub("", text)
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        h = _HEADING.match(line)
        if h:
            heading = _inline(h["text"])
            if len(h.group(1)) == 1 and meta.title is None:
                meta.title = heading
            out.extend(["", heading, ""])
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            if line.strip().startswith("=") and meta.title is None:
                meta.title = _inline(out[-1].strip())
            out.extend([""])
            continue
        if _RULE.match(line):
            out.append("")
            continue
        line = _QUOTE.sub("", line)
        if _LIST.match(line):
            out.append("")
            line = _LIST.sub("", line)
        out.append(_inline(line))
    return "\n".join(out), meta
