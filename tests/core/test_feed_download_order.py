"""Feeds are downloaded several at a time but handed back in their order
(``feedfetch.download_in_order``), so storing them is the same as fetching one by one."""

from __future__ import annotations

import threading
import time

from wiredesk.core.feedfetch import Downloaded, FeedOutcome, download_in_order
from wiredesk.core.store.feeds import Feed


def _feeds(n: int) -> list[Feed]:
    return [Feed(f"http://127.0.0.1/feed{i}.xml", None, "2026-01-01T00:00:00Z") for i in range(n)]


def test_downloads_overlap_and_come_back_in_feed_order() -> None:
    feeds = _feeds(12)
    position = {f.url: i for i, f in enumerate(feeds)}
    running, most = 0, 0
    lock = threading.Lock()

    def download(feed: Feed) -> Downloaded:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        # later feeds answer sooner: a pool that yielded as they finish would reorder them
        time.sleep(0.002 * (12 - position[feed.url]))
        with lock:
            running -= 1
        return Downloaded(feed, FeedOutcome(feed.url, None, "ok"), 0.0, done=feed)

    got = [d.feed.url for d in download_in_order(feeds, download, workers=4)]
    assert got == [f.url for f in feeds]
    assert 1 < most <= 4


def test_one_worker_downloads_in_turn() -> None:
    seen: list[str] = []

    def download(feed: Feed) -> Downloaded:
        seen.append(threading.current_thread().name)
        return Downloaded(feed, FeedOutcome(feed.url, None, "ok"), 0.0, done=feed)

    assert [d.feed for d in download_in_order(_feeds(3), download, workers=1)] == _feeds(3)
    assert set(seen) == {threading.main_thread().name}


def test_a_failing_download_raises_to_the_caller() -> None:
    def download(feed: Feed) -> Downloaded:
        if feed.url.endswith("2.xml"):
            raise RuntimeError("boom")
        return Downloaded(feed, FeedOutcome(feed.url, None, "ok"), 0.0, done=feed)

    out = []
    try:
        for d in download_in_order(_feeds(5), download, workers=3):
            out.append(d.feed.url)
    except RuntimeError as exc:
        assert str(exc) == "boom"
    else:
        raise AssertionError("the worker's error was swallowed")
    assert out == [f.url for f in _feeds(2)]
