"""How article metadata is named on screen: every string here comes from untrusted input,
so each helper returns inert, single-line text (see ``wiredesk.core.safetext``)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from ..core.models import Article
from ..core.safetext import one_line

STATUS_GLYPHS = {"contested": "◆", "agreed": "✓", "single": "○"}
"""Status shown by shape as well as colour, so NO_COLOR and 16-colour terminals keep it."""
VERDICT_GLYPHS = {"confirmed": "✓", "disputed": "✗", "unverified": "?"}
"""A verdict's glyph, always shown beside its word (never colour alone)."""


def outlet_name(article: Article, limit: int | None = 24) -> str:
    """The outlet (ingest names it from the feed, an "Outlet:" line, the site name or the
    URL's domain), else the URL's site, else "(unnamed …)" with the article's short id:
    never the file name, which names a download, not a source."""
    if article.outlet:
        return one_line(article.outlet, limit)
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return one_line(host.removeprefix("www."), limit)
    return one_line(f"(unnamed {article.id[:6]})", limit)


def published_label(article: Article) -> str:
    """``YYYY-MM-DD HH:MM`` when the time is known, the date alone, or ``—``."""
    if article.published_at:
        return one_line(article.published_at.replace("T", " "), 16)
    return one_line(article.published, 10) if article.published else "—"


def age_label(article: Article, now: datetime) -> str:
    """A short age such as ``3d`` or ``5h`` relative to ``now`` (the app's injectable clock)."""
    stamp = article.published_at or article.published
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    if when.tzinfo is None and now.tzinfo is not None:
        now = now.replace(tzinfo=None)
    seconds = (now - when).total_seconds()
    if seconds < 0:
        return "future"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    days = int(seconds // 86400)
    return f"{days}d" if days < 365 else f"{days // 365}y"
