"""``wiredesk feed add|list|remove``, ``wiredesk fetch`` and ``wiredesk watch``: news that
arrives by itself, from feeds by URL and from watched folders.

Kept apart from ``commands.py`` so the feed commands read as one unit; ``commands.HANDLERS``
maps the command names here.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start (the reader's too): import nothing heavy here
    from ..core.service import Wiredesk


def add_parsers(sub: argparse._SubParsersAction, parser_class: type[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    """The ``feed`` and ``fetch`` commands' arguments."""
    p = sub.add_parser("feed", help="follow feeds by URL: feed add URL [--name NAME], feed list, feed remove URL")
    feed_sub = p.add_subparsers(dest="feed_command", metavar="ACTION", required=True, parser_class=parser_class)
    q = feed_sub.add_parser("add", help="follow a feed")
    q.add_argument("url", metavar="URL")
    q.add_argument("--name", metavar="NAME", help="the outlet its items are shown under (default: the feed's title)")
    q = feed_sub.add_parser("list", help="followed feeds: last fetch, status, item counts")
    q.add_argument("--json", action="store_true")
    q = feed_sub.add_parser("remove", help="stop following a feed (its articles stay in the index)")
    q.add_argument("url", metavar="URL")

    p = sub.add_parser("fetch", help="fetch every followed feed and index the new items")
    p.add_argument("--json", action="store_true", help="print one JSON document with each feed's outcome")
    p.add_argument("--no-pages", action="store_true",
                   help="do not fetch the linked page of items that carry only a summary")
    p.add_argument("--force", action="store_true", help="also fetch feeds that are backing off after failures")


def cmd_feed(service: Wiredesk, args: argparse.Namespace) -> int:
    from rich.text import Text

    from ..core.safetext import one_line
    from .output import cell, console, error, print_json, print_table, table

    if args.feed_command == "add":
        try:
            new = service.add_feed(args.url, args.name)
        except ValueError as exc:
            error(str(exc))
            return 1
        word = "following" if new else "already following"
        console(sys.stderr).print(Text(f"{word} {one_line(args.url.strip())}"))
        return 0
    if args.feed_command == "remove":
        if not service.remove_feed(args.url):
            error(f"not following {one_line(args.url.strip())} (see 'wiredesk feed list')")
            return 1
        console(sys.stderr).print(Text(f"stopped following {one_line(args.url.strip())} (its articles stay)"))
        return 0
    feeds = service.feeds()
    if args.json:
        print_json({"feeds": [f.to_dict() for f in feeds]})
        return 0
    if not feeds:
        console(sys.stderr).print("no feeds followed (add one with 'wiredesk feed add URL')")
        return 0
    t = table("name", "url", "last fetch", "status", "items", "articles")
    for f in feeds:
        t.add_row(cell(f.name or "–", 24), cell(f.url, 50), cell(f.last_fetch or "never", 20),
                  cell(f.status, 40), cell(str(f.items)), cell(str(f.articles)))
    print_table(t)
    return 0


def cmd_fetch(service: Wiredesk, args: argparse.Namespace) -> int:
    from rich.text import Text

    from ..core.safetext import one_line
    from .output import console, error, print_json

    if not service.feeds():
        error("no feeds followed (add one with 'wiredesk feed add URL')")
        return 1
    out = console(sys.stderr)

    def progress(outcome) -> None:  # type: ignore[no-untyped-def]
        if not args.json:
            line = one_line(outcome.line())
            if outcome.status == "error":
                error(line)
            else:
                out.print(Text(line))

    outcomes = service.fetch(pages=not args.no_pages, force=args.force, progress=progress)
    if args.json:
        print_json({"feeds": [o.to_dict() for o in outcomes],
                    "added": sum(o.added for o in outcomes), "updated": sum(o.updated for o in outcomes)})
    return 1 if any(o.status == "error" for o in outcomes) else 0


def add_watch_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("watch", help="index files as they appear or change in folders, and fetch feeds on a timer")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="folders (or files) to watch (default: [watch] paths in config.toml)")
    p.add_argument("--fetch-minutes", type=float, metavar="N",
                   help="fetch the followed feeds every N minutes (default: config, else 15; 0: never)")


def cmd_watch(service: Wiredesk, args: argparse.Namespace) -> int:
    from ..core import paths as wd_paths
    from ..core.safetext import one_line
    from ..core.watching import Watcher, load_watch_config
    from .output import error

    config = load_watch_config(wd_paths.config_file())
    if config.error:
        error(config.error)
    folders = list(args.paths) or list(config.paths)
    minutes = args.fetch_minutes if args.fetch_minutes is not None else config.fetch_minutes
    if not folders and (minutes <= 0 or not service.feeds()):
        error("nothing to watch: give folders (wiredesk watch PATH…) or follow feeds (wiredesk feed add URL)")
        return 2
    missing = [p for p in folders if not Path(p).exists()]
    if missing:
        error(f"{missing[0]}: no such file or folder")
        return 1
    def say(line: str) -> None:  # one plain line per change, whatever the width (made inert first)
        print(f"{time.strftime('%H:%M:%S')} {one_line(line)}", flush=True)

    watcher = Watcher(service, folders, say, fetch_minutes=minutes)
    try:
        watcher.run()
    except KeyboardInterrupt:
        watcher.stop()
        say("stopped")
    return 0


@contextmanager
def watching_in_background(service: Wiredesk, paths: list[str]) -> Iterator[None]:
    """``wiredesk --watch``: run the watcher in a thread of the reader's process.

    The reader notices what the watcher indexes by itself (it polls the index every
    second) and marks it new; the watcher's lines go to ``watch.log`` in the logs folder,
    since the terminal belongs to the reader.
    """
    import threading

    from ..core import paths as wd_paths
    from ..core.safetext import one_line
    from ..core.watching import Watcher, load_watch_config

    config = load_watch_config(wd_paths.config_file())
    folders = [p for p in (paths or list(config.paths)) if Path(p).exists()]
    log = wd_paths.ensure(wd_paths.log_dir()) / "watch.log"

    def say(line: str) -> None:
        try:
            with log.open("a", encoding="utf-8") as f:
                f.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {one_line(line)}\n")
        except OSError:
            pass

    watcher = Watcher(service, folders, say, fetch_minutes=config.fetch_minutes, scan=False)

    def run() -> None:
        try:
            watcher.run()
        except Exception as exc:  # the reader must outlive a watcher failure; the log says why
            say(f"watcher stopped: {type(exc).__name__}: {exc}")
        finally:
            service.close()  # this thread's connections

    thread = threading.Thread(target=run, name="wiredesk-watch", daemon=True)
    thread.start()
    try:
        yield
    finally:
        watcher.stop()
        thread.join(timeout=3)
