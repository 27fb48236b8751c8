"""Stable story ids and short human labels."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..models import Article
from .text import STOPWORDS, WORD, normalize_token

LABEL_MAX = 90


def story_id(member_ids: Sequence[str]) -> str:
    """``s-`` plus a short hash of the story's first member id.

    Callers pass the members earliest published first (ties by id; undated last), so the
    id stays put when a story gains a later or undated article: a cached fact table, the
    reader's "new since last visit" record and a user's place in the list survive new
    arrivals. (A hash of the smallest id did not: ids are content hashes, so an arrival
    with a smaller one renamed the story and made all of it look new.) Two stories never
    share a member, so ids never collide.
    """
    return "s-" + hashlib.sha1(member_ids[0].encode()).hexdigest()[:10]


def _title_words(title: str | None) -> set[str]:
    return {k for k in (normalize_token(w) for w in WORD.findall(title or "")) if k not in STOPWORDS}


def _opening_line(members: Sequence[Article]) -> str:
    """Without headlines: the first body line long enough to read as prose (a stray
    "Share this article" left by a site is not a label), else the first line at all."""
    lines = [ln.strip() for a in members for ln in a.body.splitlines() if ln.strip()]
    return next((ln for ln in lines if len(ln.split()) >= 6), lines[0] if lines else "untitled")


def story_label(members: Sequence[Article]) -> str:
    """The headline that shares most words with the other headlines (the most central one),
    earliest first on ties; the opening line of a body when no member has a title."""
    titled = [a for a in members if a.title and a.title.strip()]
    if titled:
        words = [_title_words(a.title) for a in titled]
        best = max(
            range(len(titled)),
            key=lambda i: (sum(len(words[i] & words[j]) for j in range(len(titled)) if j != i), -i),
        )
        label = titled[best].title or ""
    else:
        label = _opening_line(members)
    label = " ".join(label.split())
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"
