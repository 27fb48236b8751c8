"""Fetching followed feeds over HTTP(S) and turning their items into indexed articles.

httpx does the HTTP: connect and read timeouts, a redirect limit, gzip/deflate, one
connection pool for a whole fetch. On top of it:

- **Conditional GET.** The last response's ETag and Last-Modified go back as
  If-None-Match / If-Modified-Since; a 304 costs one round trip and changes nothing.
- **A size cap** on the *decoded* body (a small gzip that inflates to gigabytes is cut off
  at the cap like any other oversized body), and a refusal of content types that cannot be
  a feed or a page (images, archives...).
- **One failing feed is one line.** Every error becomes ``FeedOutcome.error``; the other
  feeds go on. A feed that keeps failing backs off: after ``n`` failures in a row it is
  skipped for ``BACKOFF_BASE * 2**(n-1)`` seconds (at most ``BACKOFF_MAX``).
- **Summary-only items** (no full content, a short description) get their linked page
  fetched and extracted as an HTML file would be (trafilatura), unless ``pages=False``; a
  page that cannot be fetched leaves the summary in place.

Feed XML goes through the same hostile-input gate as feed files (``ingest.feeds``). Items
keep their identity (``source`` = ``feed URL#entry id``), so a re-fetch updates an item
that changed and adds the new ones; items that roll off the feed stay in the index.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .. import __version__
from .ingest.errors import IngestError
from .models import ParsedArticle
from .store.feeds import Feed

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"wiredesk/{__version__} (terminal news reader; feed fetcher)"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
MAX_REDIRECTS = 5
FEED_MAX_BYTES = 10 * 1024 * 1024
"""A feed larger than this (decoded) is refused: real feeds are a few hundred KB."""
PAGE_MAX_BYTES = 5 * 1024 * 1024
FETCH_WORKERS = 8
"""Feeds fetched at once (each on a worker thread, sharing the client's connection pool):
a fetch waits on the network far more than it computes, and eight keep a fetch of a
hundred feeds from waiting on each server in turn without flooding anyone."""
BACKOFF_BASE = 300.0
BACKOFF_MAX = 6 * 3600.0
_REFUSED_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                  "application/gzip", "application/x-tar", "application/octet-stream", "application/json")
_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"


class FetchError(Exception):
    """One line saying why a URL could not be fetched."""


@dataclass
class FeedOutcome:
    """What fetching one feed did; ``error`` is None when it went well."""

    url: str
    name: str | None
    status: str
    """``ok``, ``not modified``, ``skipped`` or ``error``."""
    error: str | None = None
    items: int = 0
    added: int = 0
    updated: int = 0
    pages: int = 0
    """Linked pages fetched for summary-only items."""
    page_errors: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one line ``wiredesk fetch`` prints for this feed."""
        label = self.name or self.url
        if self.status == "error":
            return f"{label}: failed: {self.error}"
        if self.status == "skipped":
            return f"{label}: skipped: {self.error}"
        if self.status == "not modified":
            return f"{label}: not modified"
        extra = f", {self.pages} page(s) fetched" if self.pages else ""
        if self.page_errors:
            extra += f", {len(self.page_errors)} page(s) failed"
        return f"{label}: {self.items} item(s), {self.added} new, {self.updated} updated{extra}"

    def to_dict(self) -> dict[str, object]:
        return {"url": self.url, "name": self.name, "status": self.status, "error": self.error,
                "items": self.items, "added": self.added, "updated": self.updated, "pages": self.pages,
                "page_errors": self.page_errors}


def make_client(*, timeout: float = READ_TIMEOUT, connect_timeout: float = CONNECT_TIMEOUT) -> httpx.Client:
    """The one HTTP client of a fetch run: timeouts, redirect limit, our User-Agent."""
    import httpx  # lazy: only fetching pays for it

    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=connect_timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,  # no proxies or netrc from the environment: fetch what was asked
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def get(
    client: httpx.Client, url: str, *, accept: str, max_bytes: int, headers: dict[str, str] | None = None
) -> tuple[int, bytes, httpx.Headers]:
    """``(status, decoded body, headers)`` of a GET; ``FetchError`` for anything that is not
    a 200 or a 304, an oversized body or a content type that cannot hold text."""
    import httpx

    request_headers = {"Accept": accept, **(headers or {})}
    try:
        with client.stream("GET", url, headers=request_headers) as response:
            if response.status_code == 304:
                return 304, b"", response.headers
            if response.status_code != 200:
                reason = response.reason_phrase or "error"
                raise FetchError(f"HTTP {response.status_code} {reason}")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind.startswith(_REFUSED_TYPES):
                raise FetchError(f"not a feed or a page (content type {kind})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes and "content-encoding" not in response.headers:
                raise FetchError(f"body of {_mb(int(declared))} is over the {_mb(max_bytes)} limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"body over the {_mb(max_bytes)} limit")
                chunks.append(chunk)
            return 200, b"".join(chunks), response.headers
    except FetchError:
        raise
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out ({type(exc).__name__})") from exc
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({exc})") from exc
    except httpx.DecodingError as exc:
        raise FetchError("bad compressed body") from exc
    except httpx.UnsupportedProtocol as exc:
        raise FetchError("only http:// and https:// URLs can be fetched") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from exc


def check_url(url: str) -> str:
    """``url`` stripped, if it is an http(s) URL with a host; ``ValueError`` otherwise."""
    from urllib.parse import urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ValueError(f"{url!r} is not a URL") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http:// or https:// URL")
    return url


def backoff_seconds(failures: int) -> float:
    """How long to leave a feed alone after ``failures`` failed fetches in a row."""
    if failures <= 0:
        return 0.0
    return min(BACKOFF_MAX, BACKOFF_BASE * 2 ** (failures - 1))


def _now_iso(now: float) -> str:
    return datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


Store = Callable[[Feed, list[ParsedArticle]], tuple[int, int, list[str]]]
"""Writes a feed's articles; returns ``(added, updated, new ids)`` (the service provides it)."""


@dataclass
class Downloaded:
    """One feed fetched and parsed, its items not stored yet (``store_feed`` stores them).

    Fetching (the network, the XML, linked pages) needs no index, so several feeds are
    fetched at once on worker threads while the caller stores the ones before, in order."""

    feed: Feed
    outcome: FeedOutcome
    now: float
    articles: list[ParsedArticle] = field(default_factory=list)
    headers: httpx.Headers | None = None
    done: Feed | None = None
    """The feed's new record when there is nothing to store (skipped, not modified, failed)."""


def download_feed(
    client: httpx.Client, feed: Feed, *, pages: bool = True, now: float | None = None,
    force: bool = False, known: Callable[[str], bool] | None = None,
) -> Downloaded:
    """Fetch one feed and parse its items (and the linked pages of summary-only ones);
    never raises for a bad feed (the outcome says). Safe to run on a worker thread: it
    touches no index (``known`` must be safe to call there too).

    ``known(source)`` says whether an item is already indexed: a summary-only item that is
    gets no second page fetch (the page's ads and clocks would make it "changed" each time).
    """
    from .ingest.pipeline import parse_feed_items

    now = time.time() if now is None else now
    if not force and feed.next_try > now:
        wait = _now_iso(feed.next_try)
        outcome = FeedOutcome(feed.url, feed.name, "skipped",
                              f"backing off after {feed.failures} failure(s); next try after {wait}")
        return Downloaded(feed, outcome, now, done=feed)
    headers: dict[str, str] = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    outcome = FeedOutcome(feed.url, feed.name, "ok")
    try:
        status, body, got = get(client, feed.url, accept=_FEED_ACCEPT, max_bytes=FEED_MAX_BYTES, headers=headers)
        if status == 304:
            outcome.status = "not modified"
            return Downloaded(feed, outcome, now, done=replace(feed, last_fetch=_now_iso(now), status="not modified",
                                                              failures=0, next_try=0.0))
        kind = got.get("content-type", "").split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml") and not _looks_like_feed(body):
            raise FetchError(f"not an RSS/Atom feed (the server sent a web page, {kind})")
        try:
            items = parse_feed_items(body, feed.url)
        except IngestError as exc:
            raise FetchError(exc.reason) from exc
        articles: list[ParsedArticle] = []
        for article, summary_only in items:
            if feed.name:
                article.outlet = feed.name  # the feed names its outlet first
            if summary_only and pages and article.url:
                if known is not None and known(article.source):
                    continue
                article = _with_page(client, article, outcome)
            articles.append(article)
        outcome.items = len(items)
    except FetchError as exc:
        failures = feed.failures + 1
        outcome.status, outcome.error = "error", str(exc)
        return Downloaded(feed, outcome, now, done=replace(
            feed, last_fetch=_now_iso(now), status=f"error: {exc}", failures=failures,
            next_try=now + backoff_seconds(failures)))
    return Downloaded(feed, outcome, now, articles, got)


def store_feed(got: Downloaded, store: Store) -> tuple[FeedOutcome, Feed]:
    """Store a downloaded feed's items (``store``, on the index's thread); the outcome and
    the feed's new record."""
    if got.done is not None:
        return got.outcome, got.done
    feed, outcome = got.feed, got.outcome
    assert got.headers is not None
    outcome.added, outcome.updated, outcome.new_ids = store(feed, got.articles)
    return outcome, replace(
        feed, etag=got.headers.get("etag"), last_modified=got.headers.get("last-modified"),
        last_fetch=_now_iso(got.now), status="ok", failures=0, next_try=0.0, items=outcome.items,
        articles=feed.articles + outcome.added,
    )


def download_in_order(
    feeds: Sequence[Feed], download: Callable[[Feed], Downloaded], workers: int = FETCH_WORKERS,
) -> Iterator[Downloaded]:
    """``download(feed)`` of every feed, at most ``workers`` at once on worker threads,
    yielded in the feeds' order (so they are stored as a one-at-a-time fetch stores them).
    At most ``2 * workers`` downloads run or wait ahead of the one the caller is on."""
    if workers <= 1 or len(feeds) <= 1:
        yield from map(download, feeds)
        return
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=min(workers, len(feeds)), thread_name_prefix="wiredesk-fetch")
    pending: deque[Future[Downloaded]] = deque()
    try:
        for feed in feeds:
            pending.append(pool.submit(download, feed))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _with_page(client: httpx.Client, item: ParsedArticle, outcome: FeedOutcome) -> ParsedArticle:
    """The item with its linked page's text, or the item as it was if the page fails."""
    from .ingest.pipeline import parse_bytes

    assert item.url is not None
    try:
        _, body, _ = get(client, item.url, accept=_PAGE_ACCEPT, max_bytes=PAGE_MAX_BYTES)
        [page] = parse_bytes(body, item.url, "page.html")[:1]
    except (FetchError, IngestError, ValueError) as exc:
        reason = exc.reason if isinstance(exc, IngestError) else str(exc)
        outcome.page_errors.append(f"{item.url}: {reason}")
        return item
    outcome.pages += 1
    return replace(
        page, source=item.source, title=item.title or page.title, outlet=item.outlet or page.outlet,
        byline=page.byline or item.byline, published=item.published or page.published,
        published_at=item.published_at or page.published_at, url=item.url,
    )
