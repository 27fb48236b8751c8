"""The CLI's commands. Each takes parsed arguments, talks to the service, prints, and
returns an exit code; none of them touches SQLite directly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from rich.text import Text

from ..core import reprint_clusters
from ..core.models import Article, Fact
from ..core.safetext import file_name
from ..core.service import IndexReport, NotFound, Wiredesk
from ..core.store import SchemaTooNew
from ..core.store.index import IndexError_
from ..core.store.triage import TriageUnavailable
from .feeds import cmd_feed, cmd_fetch, cmd_watch
from .output import block, cell, console, error, print_body, print_json, print_line, print_table, table
from .workflow import WorkflowError, cmd_export, cmd_timeline, cmd_verdict


class UserError(Exception):
    """A problem the user can fix (bad reference, no terminal...): printed as one line."""


def run(args: argparse.Namespace) -> int:
    handler = HANDLERS[args.command]
    service = Wiredesk(args.db) if args.db else Wiredesk()
    try:
        return handler(service, args)
    except NotFound as exc:
        raise UserError(str(exc)) from exc
    except (IndexError_, SchemaTooNew, TriageUnavailable) as exc:  # a newer/unreadable index: one line
        raise UserError(str(exc)) from exc
    except WorkflowError as exc:
        raise UserError(str(exc)) from exc
    finally:
        if service.recovered:  # the index was damaged and rebuilt: say so once, on stderr
            error(service.recovered)
        service.close()


def _index(service: Wiredesk, paths: list[str]) -> IndexReport:
    # At most one byte over the limit is read: the service refuses it, whatever follows.
    stdin = sys.stdin.buffer.read(service.max_bytes + 1) if "-" in paths else None
    report = service.index(paths, stdin=stdin)
    for err in report.errors:
        error(str(err))
    return report


def _outlet(article: Article) -> str:
    """What to call an article's source in a table: its outlet (never its file name, which
    names a download, not a source)."""
    return article.outlet or f"(unnamed {article.id[:6]})"


# -- commands -------------------------------------------------------------------------


def cmd_read(service: Wiredesk, args: argparse.Namespace) -> int:
    paths = list(args.paths)
    if getattr(args, "demo", False):
        from ..resources import bundled_dir

        paths.append(str(bundled_dir("seeds")))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError("the reader needs a terminal; for scripts use 'wiredesk index', 'list' or 'contested'")
    from ..tui import run_reader

    if getattr(args, "watch", False):
        from .feeds import watching_in_background

        with watching_in_background(service, paths):
            return run_reader(service, paths)
    return run_reader(service, paths)


def cmd_index(service: Wiredesk, args: argparse.Namespace) -> int:
    if args.max_size is not None:
        service.max_bytes = int(args.max_size * 1024 * 1024)
    report = _index(service, args.paths)
    if args.json:
        print_json(report.to_dict())
    else:
        print_line(  # one line, never wrapped: scripts grep it
            f"indexed {report.files} file(s): {report.added} added, {report.updated} updated, "
            f"{report.moved} moved, {report.removed} removed, {report.unchanged} unchanged, "
            f"{len(report.errors)} failed",
            sys.stderr,
        )
    return 1 if report.errors else 0


def cmd_list(service: Wiredesk, args: argparse.Namespace) -> int:
    articles = service.articles(story=args.story)
    head = reprint_clusters.heads(articles)  # a reprint's wire original, within its story
    if args.json:
        print_json({
            "articles": [{**a.summary_dict(), "cluster": head[a.id]} for a in articles],
            "stories": _story_counts(service, articles, head),
        })
        return 0
    title = f"{len(articles)} article(s)"
    if args.story and articles:
        [counts] = _story_counts(service, articles, head)
        title += f" · {counts['outlets']} outlet(s) · {counts['independent_sources']} independent source(s)"
    by_id = {a.id: a for a in articles}
    t = table("id", "published", "outlet", "title", "story", "reprint of", title=title)
    for a in articles:
        original = by_id[head[a.id]] if head[a.id] != a.id else None
        t.add_row(
            cell(a.id), cell(a.published_at or a.published or "–"), cell(_outlet(a), 28),
            cell(a.title, 60), cell(a.story or "–"),
            cell(f"{_outlet(original)} ({original.id})" if original else "–", 40),
        )
    print_table(t)
    return 0


def _story_counts(service: Wiredesk, articles: list[Article], head: dict[str, str]) -> list[dict[str, object]]:
    """Per story of ``articles``: its size, outlets and independent sources (a reprint adds
    none, nor does a second article by one outlet), as ``list --json`` reports them."""
    members: dict[str, list[Article]] = {}
    for a in articles:
        if a.story:
            members.setdefault(a.story, []).append(a)
    labels = {s.id: s.label for s in service.story_summaries()} if members else {}
    return [
        {"id": story, "label": labels.get(story, ""), "articles": len(group),
         "outlets": reprint_clusters.outlets(group),
         "independent_sources": reprint_clusters.independent_sources(group, head=head)}
        for story, group in members.items()
    ]


def cmd_show(service: Wiredesk, args: argparse.Namespace) -> int:
    article = service.article(args.id)
    if args.json:
        print_json(article.to_dict(raw=args.raw))
        return 0
    meta = table("field", "value")
    for key, value in article.summary_dict().items():
        meta.add_row(cell(key), cell(str(value) if value is not None else "–"))
    print_table(meta)
    sys.stdout.write("\n")
    print_body(article.body)  # unwrapped: the terminal (or the pager) wraps
    if args.raw:
        print_line("\n-- removed lines --")
        for line in article.removed:
            print_line(f"[{line.reason}] {line.text}")
        print_line("-- source text --")
        print_body(article.raw)
    return 0


def cmd_search(service: Wiredesk, args: argparse.Namespace) -> int:
    hits = service.search(" ".join(args.query), limit=args.limit)
    if args.json:
        print_json({"hits": [{**a.summary_dict(), "snippet": snip} for a, snip in hits]})
        return 0
    t = table("id", "outlet", "title", "snippet", title=f"{len(hits)} hit(s)")
    for a, snip in hits:
        t.add_row(cell(a.id), cell(_outlet(a), 24), cell(a.title, 50), cell(snip, 80))
    print_table(t)
    return 0


def cmd_contested(service: Wiredesk, args: argparse.Namespace) -> int:
    report = _index(service, args.paths)
    ids = service.ids_under(args.paths)
    articles = {a.id: a for a in service.articles()}
    story_ids = sorted({articles[i].story for i in ids if articles[i].story})
    status = 1 if report.errors else 0
    if args.json:
        print_json(service.annotate_report(service.report(story_ids)))
        return status
    for story in (s for s in service.stories() if s.id in story_ids):
        facts = service.facts(story.id)
        verdicts = service.verdicts(story.id)
        t = table("fact", "status", "values", "sources", title=f"{story.id}: {story.label}")
        for fact in facts:
            if args.all or fact.status == "contested":
                verdict = verdicts.get(fact.id)
                t.add_row(
                    cell(fact.label, 50),
                    block(fact.status + (f" ({fact.conflict})" if fact.conflict else "")
                          + (f"\nverdict: {verdict.status}" if verdict else "")),
                    _values_cell(fact, articles),
                    cell(str(fact.sources)),
                )
        counts = {s: sum(f.status == s for f in facts) for s in ("contested", "agreed", "single")}
        t.caption = cell(
            f"{counts['contested']} contested, {counts['agreed']} agreed, {counts['single']} single-source"
            + ("" if args.all else "; --all lists every fact")
        )
        print_table(t)
    return status


def _values_cell(fact: Fact, articles: dict[str, Article]) -> Text:
    """Each value on its own line, then each outlet that gives it in that outlet's own words
    (one outlet's "more than 165" and another's "over 165" share a value but not a wording)."""
    lines = []
    for value in fact.values:
        lines.append(value.value)
        worded: dict[str, str] = {}
        for ev in value.evidence:
            worded.setdefault(ev.article, ev.value or value.value)
        for article_id in value.articles:
            name = _outlet(articles[article_id]) if article_id in articles else article_id
            wording = worded.get(article_id, value.value)
            lines.append(f"  {name}" + (f": {wording}" if wording != value.value else ""))
    return block("\n".join(lines))


def cmd_claims(service: Wiredesk, args: argparse.Namespace) -> int:
    article = service.article(args.id)
    claims = service.claims(article.id)
    if args.json:
        print_json({"article": article.id, "claims": [c.to_dict() for c in claims]})
        return 0
    t = table("span", "status", "claim", "mentions", title=f"{len(claims)} claim(s) in {article.id}")
    for c in claims:
        mentions = "; ".join(f"{m.kind}: {m.text}" for m in c.mentions)
        t.add_row(cell(f"{c.start}-{c.end}"), cell(c.status or "–"), cell(c.text, 90), cell(mentions, 60))
    print_table(t)
    return 0


def cmd_locate(service: Wiredesk, args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.store.triage import triage_path_for
    from ..core.workflow.brief import briefs_dir
    from ..resources import bundled_dir

    found = {
        "config": paths.config_dir(),
        "config_file": paths.config_file(),
        "themes": paths.user_themes_dir(),
        "bundled_themes": bundled_dir("themes"),
        "data": paths.data_dir(),
        "index": service.db_path,
        "triage": triage_path_for(service.db_path),
        "logs": paths.log_dir(),
        "demo": bundled_dir("seeds"),
        "briefs": briefs_dir(),
    }
    places = {key: file_name(str(value)) for key, value in found.items()}  # WIREDESK_HOME may hold any bytes
    if args.json:
        print_json(places)
        return 0
    t = table("what", "where")
    for key, value in places.items():
        t.add_row(cell(key), cell(value))
    print_table(t)
    return 0


def cmd_doctor(service: Wiredesk, args: argparse.Namespace) -> int:
    from ..core.doctor import run_doctor

    report = run_doctor(service, fix=getattr(args, "fix", False))
    if args.json:
        print_json(report.to_dict())
    else:
        for line in report.lines():
            print_line(line)
    return 0 if report.ok else 1


def cmd_regroup(service: Wiredesk, args: argparse.Namespace) -> int:
    """The full grouping pass (indexing places new articles incrementally)."""
    stories = service.regroup()
    articles = sum(len(s.articles) for s in stories)
    if args.json:
        print_json({"stories": len(stories), "articles": articles})
    else:
        console(sys.stderr).print(f"regrouped {articles} article(s) into {len(stories)} stories")
    return 0


HANDLERS: dict[str, Callable[[Wiredesk, argparse.Namespace], int]] = {
    "read": cmd_read,
    "feed": cmd_feed,
    "fetch": cmd_fetch,
    "watch": cmd_watch,
    "regroup": cmd_regroup,
    "index": cmd_index,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "contested": cmd_contested,
    "claims": cmd_claims,
    "locate": cmd_locate,
    "doctor": cmd_doctor,
    "verdict": cmd_verdict,
    "timeline": cmd_timeline,
    "export": cmd_export,
}
