"""Feed fetching benchmark: 100 feeds of 20 items each, served by a local HTTP server on
127.0.0.1, fetched into a fresh index (grouping included), then fetched again (every feed
answers 304 Not Modified). Target (issue 9): the first fetch in at most 10 s.

    python benchmarks/fetch.py
    python benchmarks/fetch.py --feeds 20 --items 10    # a smoke run

Item texts come from the synthetic corpus generator (``corpus.py``); nothing leaves the
loopback interface.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from harness import Report, child_env, python_child

FIRST_FETCH_S = 10.0
PEAK_MB = 300.0

_FETCH = """
import time
from wiredesk.core.service import Wiredesk
wd = Wiredesk(ARGS["db"])
for url in ARGS["urls"]:
    wd.add_feed(url)
t0 = time.perf_counter()
first = wd.fetch()
t1 = time.perf_counter()
second = wd.fetch()
t2 = time.perf_counter()
print(json.dumps({"first_s": t1 - t0, "second_s": t2 - t1, "added": sum(o.added for o in first),
                  "errors": sum(o.status == "error" for o in first),
                  "not_modified": sum(o.status == "not modified" for o in second),
                  "stories": len(wd.stories())}))
"""


def build_feeds(n_feeds: int, n_items: int) -> dict[str, bytes]:
    """``/feed<N>.xml`` -> RSS bytes, each item's full text in ``content:encoded``."""
    articles = list(generate(n_feeds * n_items, seed=3))
    feeds: dict[str, bytes] = {}
    for f in range(n_feeds):
        items = []
        for k, art in enumerate(articles[f * n_items:(f + 1) * n_items]):
            body = "".join(f"<p>{escape(p)}</p>" for p in art.body.split("\n\n"))
            items.append(
                f"<item><guid>f{f}-{k}</guid><title>{escape(art.title)}</title>"
                f"<link>https://outlet{f}.example/{k}</link>"
                f"<pubDate>{art.published:%a, %d %b %Y} 08:00:00 GMT</pubDate>"
                f"<content:encoded>{escape(body)}</content:encoded></item>"
            )
        feeds[f"/feed{f}.xml"] = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Outlet {f}</title>{''.join(items)}</channel></rss>"
        ).encode()
    return feeds


def serve(feeds: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = feeds.get(self.path)
            etag = f'"{hash(self.path) & 0xFFFFFF:x}"'
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
            else:
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="wiredesk feed fetching benchmark")
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=20)
    args = parser.parse_args(argv)
    feeds = build_feeds(args.feeds, args.items)
    mb = sum(len(b) for b in feeds.values()) / 1e6
    server, base = serve(feeds)
    try:
        with tempfile.TemporaryDirectory(prefix="wiredesk-bench-") as tmp:
            rep = Report(f"fetch benchmark: {args.feeds} local feeds of {args.items} items, {mb:.1f} MB")
            urls = [base + path for path in feeds]
            started = time.perf_counter()
            run = python_child(_FETCH, {"db": str(Path(tmp) / "index.sqlite3"), "urls": urls},
                               child_env(str(Path(tmp) / "home")))
            d = run.data
            rep.figure("first fetch of every feed (index + grouping)", d["first_s"], "s", FIRST_FETCH_S,
                       higher_is_better=False, extra=f"{d['added']} articles added, {d['errors']} errors, "
                       f"{d['stories']} stories")
            rep.info("second fetch (all unchanged)", f"{d['second_s']:.2f} s, {d['not_modified']} answered 304")
            rep.info("process wall", f"{time.perf_counter() - started:.1f} s")
            rep.figure("peak memory", run.peak_mb, "MB", PEAK_MB, higher_is_better=False)
            return rep.done()
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
