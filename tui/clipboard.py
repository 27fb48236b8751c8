"""What ``y`` copies, and the honest caveat about whether it arrived.

The copy goes out as an OSC 52 escape: the terminal decides whether to honour it, and the
program cannot know. tmux drops it unless ``set -g set-clipboard on``; some terminals ask
first or ignore it. So the reader says "copied" and what may have stopped it.
"""

from __future__ import annotations

import os

from ..core.models import Article, Claim
from ..core.safetext import one_line
from .display import outlet_name, published_label
from .widgets.facts_panel import Pick


def _source(article: Article | None, fallback: str) -> str:
    if article is None:
        return fallback
    parts = [outlet_name(article, None), published_label(article)]
    if article.url:
        parts.append(f"<{one_line(article.url)}>")
    return ", ".join(p for p in parts if p and p != "—")


def quote_claim(claim: Claim, article: Article) -> str:
    """``“sentence” — Outlet, 2024-02-08 10:30, <url>``."""
    return f"\u201c{one_line(claim.text)}\u201d \u2014 {_source(article, article.id)}"


def quote_pick(pick: Pick, article: Article | None) -> str:
    """``value — Outlet, time: “sentence”``."""
    source = _source(article, pick.evidence.article)
    return f"{one_line(pick.wording)} \u2014 {source}: \u201c{one_line(pick.evidence.sentence)}\u201d"


def clipboard_caveat() -> str:
    """Why the clipboard may still be empty, in this terminal."""
    if os.environ.get("TMUX"):
        return "Inside tmux it arrives only with `set -g set-clipboard on`."
    return "If nothing pastes, your terminal dropped the OSC 52 copy."
