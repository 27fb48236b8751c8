"""A real HTTP server on 127.0.0.1 for the feed tests: fixture feeds and pages, and every
way a server can misbehave (redirect chains, errors, a slow answer, a huge body, a wrong
content type, broken or hostile XML, gzip, a feed whose items change).

Everything here is invented text; nothing leaves the loopback interface.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROSE = [
    "Firefighters in the port town of Kellsmouth battled a warehouse blaze through Tuesday night, the "
    "regional fire service said, after flames spread from a timber yard to three neighbouring sheds.",
    "Seven people were treated for smoke inhalation and the coastal road was closed for several hours "
    "while crews from Dunmere and Ashcombe pumped water from the harbour.",
    "The owner of the Kellsmouth timber yard, Petra Valdane, said the cause of the Kellsmouth fire was "
    "not yet known and that an inquiry would begin once the site had cooled.",
]


def rss(title: str, items: list[tuple[str, str, str]], *, full: bool = True) -> bytes:
    """An RSS 2.0 feed; each item is (guid, title, text). ``full`` puts the text in
    content:encoded, else only a one-line description and a link to the page."""
    parts = []
    for guid, item_title, text in items:
        body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in text.split("\n\n"))
        if full:
            content = f"<content:encoded>{body}</content:encoded><description>{item_title}</description>"
        else:
            content = f"<description>{item_title}: short teaser.</description>"
        parts.append(
            f"<item><guid>{guid}</guid><title>{item_title}</title><link>{{base}}/page/{guid}.html</link>"
            f"<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>{{base}}/</link>{''.join(parts)}</channel></rss>"
    ).encode()


def page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="Page Site"></head>'
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
            "<footer>Subscribe to our newsletter</footer></body></html>").encode()


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title></item></channel></rss>"""


class FeedServer:
    """Routes and state of the fixture server; ``hits`` counts requests per path."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.headers_seen: dict[str, dict[str, str]] = {}
        self.changing_items = [("c1", "Kellsmouth warehouse fire", "\n\n".join(PROSE))]
        self.base = ""

    def respond(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?")[0]
        self.hits[path] = self.hits.get(path, 0) + 1
        self.headers_seen[path] = {k.lower(): v for k, v in h.headers.items()}
        base = self.base
        if path == "/harbour.xml":
            etag = '"v1"'
            if h.headers.get("If-None-Match") == etag:
                return self._send(h, 304, b"", "application/rss+xml", {"ETag": etag})
            items = [("h1", "Warehouse fire in Kellsmouth", "\n\n".join(PROSE))]
            body = rss("Harbour Gazette", items).replace(b"{base}", base.encode())
            return self._send(h, 200, body, "application/rss+xml", {"ETag": etag})
        if path == "/coast.xml":
            stamp = formatdate(1_700_000_000, usegmt=True)
            if h.headers.get("If-Modified-Since") == stamp:
                return self._send(h, 304, b"", "application/rss+xml")
            text = "\n\n".join([PROSE[0].replace("Tuesday night", "the night"), PROSE[2]])
            body = rss("Coast Courier", [("k1", "Kellsmouth blaze: timber yard fire spreads", text)])
            return self._send(h, 200, body.replace(b"{base}", base.encode()), "text/xml", {"Last-Modified": stamp})
        if path == "/summaries.xml":
            body = rss("Teaser Times", [("s1", "Kellsmouth fire inquiry", "")], full=False)
            return self._send(h, 200, body.replace(b"{base}", base.encode()), "application/rss+xml")
        if path == "/page/s1.html":
            return self._send(h, 200, page("Kellsmouth fire inquiry", "\n\n".join(PROSE)), "text/html; charset=utf-8")
        if path == "/changing.xml":
            body = rss("Changing Post", self.changing_items).replace(b"{base}", base.encode())
            return self._send(h, 200, body, "application/rss+xml")
        if path == "/gzip.xml":
            body = rss("Zipped Herald", [("g1", "Kellsmouth fire", "\n\n".join(PROSE))])
            body = body.replace(b"{base}", base.encode())
            return self._send(h, 200, gzip.compress(body), "application/rss+xml", {"Content-Encoding": "gzip"})
        if path.startswith("/hop"):
            n = int(path[4:] or 0)
            target = "/harbour.xml" if n >= 2 else f"/hop{n + 1}"
            return self._send(h, 301, b"", "text/plain", {"Location": base + target})
        if path == "/loop":
            return self._send(h, 301, b"", "text/plain", {"Location": base + "/loop"})
        if path == "/missing.xml":
            return self._send(h, 404, b"not here", "text/plain")
        if path == "/broken.xml":
            return self._send(h, 500, b"oops", "text/plain")
        if path == "/slow.xml":
            time.sleep(3.0)
            return self._send(h, 200, rss("Slow", []), "application/rss+xml")
        if path == "/huge.xml":  # declares its size: refused before reading
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", str(50 * 1024 * 1024))
            h.end_headers()
            return None
        if path == "/endless.xml":  # no length: cut off while reading
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.end_headers()
            chunk = b"<!-- padding -->" * 4096
            try:
                for _ in range(50 * 1024 * 1024 // len(chunk)):
                    h.wfile.write(chunk)
            except OSError:
                pass
            return None
        if path == "/image.xml":
            return self._send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        if path == "/html.xml":
            return self._send(h, 200, page("Not a feed", PROSE[0]), "text/html")
        if path == "/malformed.xml":
            return self._send(h, 200, b"<?xml version='1.0'?><rss><channel><title>x</channel>", "application/rss+xml")
        if path == "/bomb.xml":
            return self._send(h, 200, BOMB, "application/rss+xml")
        return self._send(h, 404, b"no route", "text/plain")

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, kind: str,
              extra: dict[str, str] | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", kind)
        if status != 304:
            h.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            h.send_header(key, value)
        h.end_headers()
        if body and status != 304:
            h.wfile.write(body)


@contextmanager
def serve() -> Iterator[FeedServer]:
    """Start the fixture server on a free loopback port; stop it on exit."""
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            state.respond(self)

        def log_message(self, *args: object) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
