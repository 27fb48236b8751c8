"""``wiredesk`` command line: parse arguments, run one command, turn errors into one line.

``wiredesk [PATH…]`` opens the reader (indexing the paths first); the other commands are
scriptable views of the same service. User errors print one line on stderr and set the exit
code; unexpected errors print one line too, with the traceback written to a log file.
"""

from __future__ import annotations

import argparse
import gc
import sys
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime

from .. import __version__
from .output import error

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

COMMANDS = (
    "index", "list", "show", "search", "contested", "claims", "locate", "doctor", "read",
    "verdict", "timeline", "export", "regroup", "feed", "fetch", "watch",
)

DESCRIPTION = """\
Read one story as several outlets tell it, and see where they disagree.

  wiredesk [PATH…]          open the reader (indexes PATHs first)
  wiredesk --demo           open the reader on the bundled demo story
  wiredesk COMMAND --help   help for one command
"""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wiredesk", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="index file to use (default: see 'wiredesk locate')")
    parser.add_argument("--demo", action="store_true", help="open the reader on the bundled demo story")
    parser.add_argument("--watch", action="store_true",
                        help="watch the reader's PATHs (and fetch feeds) while it is open, as 'wiredesk watch' does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("read", help="open the reader (the default command)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to index first")

    p = sub.add_parser("index", help="index files, folders, feeds or - (stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--max-size", type=float, metavar="MB", help="refuse files larger than this (default 50)")

    from .feeds import add_parsers as add_feed_parsers
    from .feeds import add_watch_parser

    add_feed_parsers(sub, _Parser)
    add_watch_parser(sub)

    p = sub.add_parser("regroup", help="regroup every article into stories (indexing places new ones as it goes)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("list", help="list indexed articles")
    p.add_argument("--json", action="store_true")
    p.add_argument("--story", metavar="ID", help="only this story's articles")

    p = sub.add_parser("show", help="show one article (id, id prefix or path)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--raw", action="store_true", help="also show the source text and the removed lines")

    p = sub.add_parser("search", help="full-text search over titles and bodies")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)

    p = sub.add_parser("contested", help="index PATHs and print their stories' facts")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="also list agreed and single-source facts in tables")

    p = sub.add_parser("claims", help="one article's claims with spans, mentions and fact status")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("verdict", help="record the desk's verdict on a fact (or trust in an article)",
                       description="FACT is a fact id or unique prefix (see 'contested --json'). "
                       "--value alone means confirmed. With --trust, REF is an article instead.")
    p.add_argument("ref", metavar="FACT")
    p.add_argument("--status", choices=("confirmed", "disputed", "unverified"))
    p.add_argument("--value", help="the value the desk confirms (one of the fact's values)")
    p.add_argument("--note", help="free text kept with the verdict")
    p.add_argument("--clear", action="store_true", help="forget the verdict on this fact")
    p.add_argument("--trust", choices=("trusted", "doubtful", "clear"), help="mark the article REF instead")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("timeline", help="a story's articles by publication time, and where figures changed")
    p.add_argument("story", metavar="STORY", help="story id or prefix, or one of its articles")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="a brief of one story: Markdown, CSV or JSON, every claim cited")
    p.add_argument("story", metavar="STORY", help="story id or prefix, or one of its articles")
    p.add_argument("--format", choices=("md", "csv", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = sub.add_parser("locate", help="where config, data, the index and themes live")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("doctor", help="check the index and the source paths, and fix what can be fixed")
    p.add_argument("--json", action="store_true")
    p.add_argument("--fix", action="store_true", help="also forget articles whose source files are gone")
    return parser


def _split_reader_paths(argv: list[str]) -> list[str]:
    """Insert the implicit ``read`` command: ``wiredesk seeds`` means ``wiredesk read seeds``."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--db" and i + 1 < len(argv):
            out += argv[i : i + 2]
            i += 2
            continue
        if arg.startswith("-") and arg != "-":
            out.append(arg)
            i += 1
            continue
        if arg in COMMANDS:
            return out + argv[i:]
        _check_not_a_typo(arg)
        return [*out, "read", *argv[i:]]
    return out


class UnknownCommand(Exception):
    """The first word is neither a command nor an existing path: a usage error, not a reader."""


def _check_not_a_typo(word: str) -> None:
    """``wiredesk lst`` must not open the reader on a path called "lst": a word that names
    no file and has no path separator or dot is an unknown command."""
    import difflib
    import os

    if os.path.lexists(word) or os.sep in word or "." in word:
        return  # a path: the reader (or the indexer) says what is wrong with it
    close = difflib.get_close_matches(word, [c for c in COMMANDS if c != "read"], n=1, cutoff=0.75)
    hint = f"; did you mean '{close[0]}'?" if close else f"; commands: {', '.join(COMMANDS)}"
    raise UnknownCommand(f"unknown command '{word}'{hint}")


def reader_args(argv: list[str]) -> argparse.Namespace | None:
    """``wiredesk`` and ``wiredesk PATH…`` (no option, no command): what the parser would
    return, without building it (its sixteen subcommands cost the reader's start-up ~9 ms);
    None for anything else, which goes through the parser."""
    if any(arg.startswith("-") for arg in argv) or (argv and argv[0] in COMMANDS):
        return None
    if argv:
        _check_not_a_typo(argv[0])
    return argparse.Namespace(db=None, demo=False, watch=False, command="read", paths=list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = reader_args(args_list) or build_parser().parse_args(_split_reader_paths(args_list))
    except UnknownCommand as exc:
        error(f"{exc} (see 'wiredesk --help')")
        return EXIT_USAGE
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        args.command, args.paths = "read", []
    # The reader's start-up builds a great many long-lived objects (Textual's modules and
    # widgets); the cycle collector rescanning them was a sixth of the time to the first
    # paint. The reader switches it back on, with those objects frozen, once it has painted.
    reading = args.command == "read"
    if reading:
        gc.disable()
    try:
        return _run(args)
    finally:
        if reading:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    from . import commands  # after the collector is paused: it imports the service and rich

    try:
        return commands.run(args)
    except commands.UserError as exc:
        error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one line for the user, the traceback in a log file
        log = _log_crash()
        error(f"internal error: {type(exc).__name__}: {exc} (details in {log})")
        return EXIT_FAILED


def _log_crash() -> str:
    from ..core import paths

    try:
        folder = paths.ensure(paths.log_dir())
        path = folder / f"crash-{datetime.now(UTC):%Y%m%dT%H%M%S}.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return str(path)
    except OSError:
        return "stderr (log folder not writable)"
