"""The desk-workflow commands: ``verdict``, ``timeline`` and ``export``.

Kept apart from ``commands.py`` so the workflow grows without touching the engine's views.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from ..core.safetext import one_line
from ..core.service import Wiredesk
from ..core.workflow.verdicts import VerdictError
from .output import block, cell, console, dumps, print_json, print_line, print_table, table


class WorkflowError(Exception):
    """One line for the user (wrapped into the CLI's UserError by ``commands``)."""


def cmd_verdict(service: Wiredesk, args: argparse.Namespace) -> int:
    if args.trust:
        if args.status or args.value or args.note or args.clear:
            raise WorkflowError("--trust marks an article; it does not go with --status, --value, --note or --clear")
        article = service.set_trust(args.ref, None if args.trust == "clear" else args.trust)
        trust = service.verdict_db.trust([article]).get(article.id)
        if args.json:
            print_json({"article": article.id, "trust": trust})
        else:
            print_line(f"{article.id}: {trust or 'no trust mark'}")
        return 0
    fact = service.fact(args.ref)
    try:
        if args.clear:
            if args.status or args.value or args.note is not None:
                raise WorkflowError("--clear takes no --status, --value or --note")
            cleared = service.clear_verdict(fact)
            verdict = None
            if not cleared:
                raise WorkflowError(f"fact {fact.id} has no verdict to clear")
        else:
            status = args.status or ("confirmed" if args.value is not None else None)
            if status is None:
                current = service.verdicts(fact.story).get(fact.id)
                if args.note is None or current is None:
                    raise WorkflowError("say --status confirmed|disputed|unverified (or --value for confirmed)")
                status, keep = current.status, current.value
                verdict = service.set_verdict(fact, status, value=keep, note=args.note)
            else:
                verdict = service.set_verdict(fact, status, value=args.value, note=args.note)
    except VerdictError as exc:
        raise WorkflowError(f"fact {fact.id}: {exc}") from exc
    if args.json:
        print_json({"fact": fact.id, "label": fact.label, "verdict": verdict.to_dict() if verdict else None})
    elif verdict is None:
        print_line(f"{fact.id} ({fact.label}): verdict cleared")
    else:
        text = f"{fact.id} ({fact.label}): {verdict.status}"
        text += f" — {verdict.value}" if verdict.value else ""
        text += f" — note: {verdict.note}" if verdict.note else ""
        print_line(text)
    return 0


def cmd_timeline(service: Wiredesk, args: argparse.Namespace) -> int:
    from ..core.workflow import brief  # here: only these two commands need it (not the reader)

    story = service.story(args.story)
    line = service.timeline(story.id)
    if args.json:
        print_json(line.to_dict())
        return 0
    t = table("published", "outlet", "figures", title=f"{story.id}: {story.label}")
    for entry in line.entries:
        a = entry.article
        figures = []
        for f in entry.figures:
            if f.status != "contested":  # agreed and single-source figures: see --json
                continue
            text = f"{f.label}: {f.wording}"
            if f.change is not None:
                was = f.change.previous
                text += (f"  ◆ {f.change.kind}: was {was}" if f.change.ordered
                         else f"  ◆ differs from {was} (order unknown)")
            figures.append(one_line(text))
        t.add_row(cell(brief.when(a)), cell(brief.source_name(a) + (" (copy)" if a.copy_of else ""), 28),
                  block("\n".join(figures) or "–"))
    t.caption = f"{line.changes} change(s) between reports in known order; --json lists every figure"
    print_table(t)
    return 0


def cmd_export(service: Wiredesk, args: argparse.Namespace) -> int:
    from ..core.workflow import brief

    data = service.brief_data(args.story)
    text = brief.render(data, args.format, dumps)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    # Written whole or not at all: a temporary file beside the target, then renamed.
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    except OSError as exc:
        raise WorkflowError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WorkflowError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    console(sys.stderr).print(cell(f"wrote {args.format} brief of {data.story.id} to {target}"))
    return 0
