"""Following feeds by URL against a real HTTP server on 127.0.0.1 (``feed_server``)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from wiredesk.core.feedfetch import backoff_seconds, make_client
from wiredesk.core.outlets import OutletAliases
from wiredesk.core.service import Wiredesk

from tests.core.feed_server import PROSE, FeedServer, serve


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serve() as state:
        yield state


@pytest.fixture
def desk(tmp_path: Path) -> Wiredesk:
    return Wiredesk(tmp_path / "i.sqlite3", outlet_aliases=OutletAliases())


def _fetch(desk: Wiredesk, timeout: float = 10.0, **kw: object):  # type: ignore[no-untyped-def]
    with make_client(timeout=timeout, connect_timeout=timeout) as client:
        return {o.url.rsplit("/", 1)[-1]: o for o in desk.fetch(client=client, **kw)}  # type: ignore[arg-type]


def test_two_feeds_make_one_story_with_outlets_named(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/harbour.xml")
    desk.add_feed(server.base + "/coast.xml", name="The Coast Courier")
    out = _fetch(desk)
    assert out["harbour.xml"].status == "ok" and out["harbour.xml"].added == 1
    assert out["coast.xml"].added == 1
    assert sorted(a.outlet or "" for a in desk.articles()) == ["Harbour Gazette", "The Coast Courier"]
    [story] = desk.stories()
    assert len(story.articles) == 2
    headers = server.headers_seen["/harbour.xml"]
    assert headers["user-agent"].startswith("wiredesk/")
    assert "gzip" in headers["accept-encoding"]


def test_conditional_get_etag_and_last_modified(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/harbour.xml")
    desk.add_feed(server.base + "/coast.xml")
    _fetch(desk)
    again = _fetch(desk)
    assert again["harbour.xml"].status == "not modified"
    assert again["coast.xml"].status == "not modified"
    assert server.headers_seen["/harbour.xml"]["if-none-match"] == '"v1"'
    assert "if-modified-since" in server.headers_seen["/coast.xml"]
    assert len(desk.articles()) == 2


def test_redirect_chain_is_followed_and_a_loop_is_refused(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/hop0")
    desk.add_feed(server.base + "/loop")
    out = _fetch(desk)
    assert out["hop0"].status == "ok" and out["hop0"].added == 1
    assert out["loop"].status == "error" and "redirects" in (out["loop"].error or "")


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/missing.xml", "HTTP 404"),
        ("/broken.xml", "HTTP 500"),
        ("/huge.xml", "over the 10 MB limit"),
        ("/endless.xml", "over the 10 MB limit"),
        ("/image.xml", "content type image/png"),
        ("/html.xml", "not an RSS/Atom feed"),
        ("/malformed.xml", "malformed feed XML"),
        ("/bomb.xml", "unsafe feed XML refused"),
    ],
)
def test_a_bad_feed_is_one_line_and_the_others_go_on(
    server: FeedServer, desk: Wiredesk, route: str, reason: str
) -> None:
    desk.add_feed(server.base + route)
    desk.add_feed(server.base + "/harbour.xml")
    out = _fetch(desk)
    bad = out[route.lstrip("/")]
    assert bad.status == "error"
    assert reason in (bad.error or "")
    assert "\n" not in bad.line()
    assert out["harbour.xml"].added == 1  # the good feed still went through
    [feed] = [f for f in desk.feeds() if f.url.endswith(route)]
    assert feed.failures == 1 and feed.status.startswith("error: ")


def test_a_slow_feed_times_out(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/slow.xml")  # the server waits 3 s before answering
    bad = _fetch(desk, timeout=1.0)["slow.xml"]
    assert bad.status == "error" and "timed out" in (bad.error or "")


def test_gzip_body_is_decoded(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/gzip.xml")
    out = _fetch(desk)
    assert out["gzip.xml"].added == 1
    [article] = desk.articles()
    assert article.outlet == "Zipped Herald"
    assert "Kellsmouth" in desk.article(article.id).body


def test_a_feed_whose_items_change(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/changing.xml")
    assert _fetch(desk)["changing.xml"].added == 1
    server.changing_items = [
        ("c1", "Kellsmouth warehouse fire", "\n\n".join([*PROSE, "Police later reopened the coastal road."])),
        ("c2", "Kellsmouth fire: inquiry opens", PROSE[2]),
    ]
    second = _fetch(desk)["changing.xml"]
    assert (second.items, second.added, second.updated) == (2, 1, 1)
    server.changing_items = [("c3", "Unrelated: a new bridge for Dunmere", PROSE[1])]
    third = _fetch(desk)["changing.xml"]
    assert third.added == 1
    assert len(desk.articles()) == 3  # items that rolled off the feed stay indexed
    [feed] = desk.feeds()
    assert feed.articles == 3 and feed.items == 1


def test_summary_only_items_get_their_page(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/summaries.xml")
    out = _fetch(desk)["summaries.xml"]
    assert out.pages == 1
    [article] = desk.articles()
    body = desk.article(article.id).body
    assert "Petra Valdane" in body and "newsletter" not in body
    assert article.outlet == "Teaser Times"  # the feed names the outlet, not the page
    assert article.url == server.base + "/page/s1.html"
    _fetch(desk)
    assert server.hits["/page/s1.html"] == 1  # an indexed item's page is not fetched again


def test_no_pages_keeps_the_summary(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/summaries.xml")
    out = _fetch(desk, pages=False)["summaries.xml"]
    assert out.pages == 0 and out.added == 1
    assert "/page/s1.html" not in server.hits


def test_a_failing_feed_backs_off(server: FeedServer, desk: Wiredesk) -> None:
    desk.add_feed(server.base + "/broken.xml")
    _fetch(desk)
    skipped = _fetch(desk)["broken.xml"]
    assert skipped.status == "skipped" and "backing off" in (skipped.error or "")
    assert server.hits["/broken.xml"] == 1
    forced = _fetch(desk, force=True)["broken.xml"]
    assert forced.status == "error" and server.hits["/broken.xml"] == 2
    [feed] = desk.feeds()
    assert feed.failures == 2
    assert backoff_seconds(1) < backoff_seconds(2) < backoff_seconds(30) == backoff_seconds(31)


def test_feed_commands_end_to_end(server: FeedServer, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    run = [sys.executable, "-m", "wiredesk", "--db", db]

    def wd(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*run, *args], capture_output=True, text=True, timeout=60)

    assert wd("feed", "add", server.base + "/harbour.xml").returncode == 0
    assert wd("feed", "add", server.base + "/coast.xml", "--name", "Coast Courier").returncode == 0
    assert wd("feed", "add", server.base + "/missing.xml").returncode == 0
    bad = wd("feed", "add", "file:///etc/passwd")
    assert bad.returncode == 1 and "not an http" in bad.stderr
    done = wd("fetch")
    assert done.returncode == 1  # one feed failed...
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3 and sum("failed: HTTP 404" in line for line in lines) == 1
    assert any(line.startswith("Coast Courier: 1 item(s), 1 new") for line in lines)  # ...the others went on
    listed = json.loads(wd("feed", "list", "--json").stdout)["feeds"]
    assert {f["name"] for f in listed} == {None, "Coast Courier"}
    assert sorted(f["articles"] for f in listed) == [0, 1, 1]
    articles = json.loads(wd("list", "--json").stdout)["articles"]
    assert sorted(a["outlet"] for a in articles) == ["Coast Courier", "Harbour Gazette"]
    assert wd("feed", "remove", server.base + "/missing.xml").returncode == 0
    assert wd("feed", "remove", server.base + "/missing.xml").returncode == 1
    fetched = json.loads(wd("fetch", "--json").stdout)
    assert [f["status"] for f in fetched["feeds"]] == ["not modified", "not modified"]
