"""The brief an editor hands on: Markdown, CSV or JSON, every claim citing its sentence.

Article text is untrusted and ends up in documents other tools render (GitHub, pandoc,
spreadsheets), so each format defends itself:

- Markdown: article text is folded to one line (control characters shown inert) and every
  character Markdown or pandoc could read as syntax is backslash-escaped (emphasis, code,
  links and images, raw HTML, tables, headings, strike-through, maths, citations,
  entities). Text never starts a line: each line begins with the brief's own marker. Links
  are written as ``<https://…>`` autolinks only for plain http(s) URLs; anything else is
  shown as escaped text, never as a link.
- CSV: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading ``'`` so a spreadsheet shows it instead of evaluating it.
- JSON: the ``contested --json`` document of the story plus verdicts and trust; the JSON
  writer escapes what a terminal would act on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..models import Article, Evidence, Fact, Story
from ..safetext import inert, one_line
from .verdicts import Trust, Verdict, value_for

FORMATS = ("md", "csv", "json")


def briefs_dir() -> Path:
    """Where the reader writes briefs: ``briefs/`` in the data folder (``wiredesk locate``)."""
    from .. import paths

    return paths.data_dir() / "briefs"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~$^@&!{}])")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"`\\]+$", re.IGNORECASE)


def md(text: str | None) -> str:
    """Article (or user) text as inert inline Markdown: one line, syntax escaped."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text or ""))


def md_url(url: str | None) -> str:
    """A clickable autolink for a plain http(s) URL; anything else as escaped text."""
    if not url:
        return "no URL given"
    if _SAFE_URL.match(url) and one_line(url) == url:
        return f"<{url}>"
    return md(url)


def source_name(article: Article) -> str:
    """The outlet, else the URL's site, else "(unnamed …)" with the article's short id: a
    file name is never shown as an outlet."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"(unnamed {article.id[:6]})"


def when(article: Article) -> str:
    if article.published_at:
        return article.published_at.replace("T", " ")
    return article.published or "date not given"


@dataclass
class BriefData:
    """Everything a brief shows, gathered once through the service."""

    story: Story
    articles: dict[str, Article]
    facts: list[Fact]
    verdicts: dict[str, Verdict]
    trust: dict[str, Trust]
    report: dict[str, Any]
    """The story's ``contested --json`` document with verdicts (the JSON brief)."""

    def name(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return source_name(article) if article is not None else article_id

    def by_status(self, status: str) -> list[Fact]:
        return [f for f in self.facts if f.status == status]


def _evidence(fact: Fact) -> list[tuple[str, Evidence]]:
    """(value, evidence) once per outlet and value, in value order."""
    out: list[tuple[str, Evidence]] = []
    seen: set[tuple[str, str]] = set()
    for value in fact.values:
        for ev in value.evidence:
            if (value.value, ev.article) not in seen:
                seen.add((value.value, ev.article))
                out.append((value.value, ev))
    return out


def _cite(data: BriefData, ev: Evidence) -> str:
    """``Outlet (2021-03-06 14:30): “sentence” — <url>``."""
    article = data.articles.get(ev.article)
    if article is None:
        return f"{md(ev.article)}: \u201c{md(ev.sentence)}\u201d"
    trust = data.trust.get(article.id)
    mark = f" \\[{trust}\\]" if trust else ""
    return (f"*{md(source_name(article))}*{mark} ({md(when(article))}): \u201c{md(ev.sentence)}\u201d "
            f"\u2014 {md_url(article.url)}")


def _verdict_line(fact: Fact, verdict: Verdict | None) -> str:
    if verdict is None:
        return "open (no verdict yet)"
    text = f"**{verdict.status}**"
    if verdict.status == "confirmed" and verdict.value is not None:
        still = value_for(fact, verdict)
        text += f": {md(verdict.value)}" + ("" if still else " (no outlet gives this value any more)")
    if verdict.note:
        text += f" \u2014 note: {md(verdict.note)}"
    return text


def markdown(data: BriefData) -> str:
    """The brief as Markdown (renders on GitHub and through pandoc)."""
    story = data.story
    members = [data.articles[a] for a in story.articles if a in data.articles]
    members.sort(key=lambda a: (a.published_at or a.published or "~", a.id))
    reprints = [a for a in members if a.copy_of]
    contested, agreed, single = data.by_status("contested"), data.by_status("agreed"), data.by_status("single")
    decided = sum(1 for f in contested if f.id in data.verdicts)
    lines = [
        f"# Brief: {md(story.label)}",
        "",
        f"Story `{story.id}` \u00b7 {len(members)} articles ({len(reprints)} reprints) \u00b7 "
        f"{len(contested)} contested facts ({decided} with a verdict), {len(agreed)} agreed, "
        f"{len(single)} single-source.",
        "",
        "## Sources",
        "",
    ]
    for article in members:
        trust = data.trust.get(article.id)
        lines.append(
            f"- *{md(source_name(article))}* ({md(when(article))}): {md(article.title) or 'untitled'} "
            f"\u2014 {md_url(article.url)}" + (f" \u2014 {trust}" if trust else "")
            + (f" \u2014 copy of *{md(data.name(article.copy_of))}*" if article.copy_of else "")
        )
    lines += ["", "## Agreed core", ""]
    if not agreed:
        lines.append("Nothing is agreed by two independent outlets.")
    for fact in sorted(agreed, key=lambda f: (-f.sources, f.label, f.id)):
        values = "; ".join(md(v.value) for v in fact.values)
        lines.append(f"- **{md(fact.label)}**: {values} \u2014 {fact.sources} independent outlets")
        lines.extend(f"  - {_cite(data, ev)}" for _, ev in _evidence(fact))
    lines += ["", "## Contested", ""]
    if not contested:
        lines.append("No outlet contradicts another.")
    for fact in contested:
        lines += [
            f"### {md(fact.label)}",
            "",
            f"{fact.conflict or 'value'} conflict \u00b7 {fact.sources} independent outlets \u00b7 "
            f"verdict: {_verdict_line(fact, data.verdicts.get(fact.id))}",
            "",
        ]
        for value, ev in _evidence(fact):
            # The outlet's own words when they are not just the start of the grouped value
            # ("more than 40" under "over 40"; not "last week" under "last week (2021-03-01)").
            worded = f" (writes \u201c{md(ev.value)}\u201d)" if ev.value and not value.startswith(ev.value) else ""
            lines.append(f"- **{md(value)}**{worded} \u2014 {_cite(data, ev)}")
        lines.append("")
    lines += ["## Single-source claims", ""]
    if not single:
        lines.append("None.")
    for fact in single:
        for value, ev in _evidence(fact):
            lines.append(f"- **{md(fact.label)}**: {md(value)} \u2014 {_cite(data, ev)}")
    lines += ["", "## Reprints", ""]
    if not reprints:
        lines.append("None: every article was written on its own.")
    for article in reprints:
        lines.append(f"- *{md(source_name(article))}* ({md(when(article))}) is a copy of "
                     f"*{md(data.name(article.copy_of or ''))}* and adds no independent source")
    lines += ["", "## Verdicts and notes", ""]
    judged = [f for f in data.facts if f.id in data.verdicts]
    if not judged and not data.trust:
        lines.append("No verdicts recorded yet.")
    for fact in judged:
        lines.append(f"- {md(fact.label)}: {_verdict_line(fact, data.verdicts[fact.id])}")
    for article_id, trust in sorted(data.trust.items(), key=lambda kv: data.name(kv[0])):
        lines.append(f"- *{md(data.name(article_id))}* is marked {trust}")
    return "\n".join(lines).rstrip("\n") + "\n"


CSV_COLUMNS = (
    "story", "fact", "label", "kind", "status", "conflict", "sources", "value", "outlet", "article",
    "wording", "sentence", "published", "published_at", "url", "verdict", "verdict_value", "note", "trust",
)


def _cell(value: object) -> str:
    """A CSV cell: article text shown inert (a brief is read in terminals and spreadsheets
    alike), and a leading formula character defused."""
    text = "" if value is None else inert(str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(data: BriefData) -> str:
    """One row per (fact, value, outlet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for fact in data.facts:
        verdict = data.verdicts.get(fact.id)
        for value, ev in _evidence(fact):
            article = data.articles.get(ev.article)
            row: Sequence[object] = (
                fact.story, fact.id, fact.label, fact.kind, fact.status, fact.conflict or "", fact.sources,
                value, data.name(ev.article), ev.article, ev.value or value, ev.sentence,
                article.published if article else "", article.published_at if article else "",
                article.url if article else "", verdict.status if verdict else "",
                verdict.value if verdict else "", verdict.note if verdict else "",
                data.trust.get(ev.article, ""),
            )
            writer.writerow([_cell(c) for c in row])
    return out.getvalue()


def render(data: BriefData, fmt: str, dumps: Any = None) -> str:
    """The brief in ``fmt`` (md, csv or json); ``dumps`` writes JSON (the CLI's writer)."""
    if fmt == "md":
        return markdown(data)
    if fmt == "csv":
        return csv_text(data)
    if fmt == "json":
        import json

        return (dumps or (lambda d: json.dumps(d, ensure_ascii=False, indent=2)))(data.report) + "\n"
    raise ValueError(f"unknown brief format {fmt!r} (use {', '.join(FORMATS)})")


def annotate(report: dict[str, Any], verdicts: Mapping[str, Verdict], trust: Mapping[str, Trust]) -> dict[str, Any]:
    """Add ``verdict``, ``verdict_value`` and ``note`` to each fact and ``trust`` to each
    article of a ``contested --json`` document (keys added, none renamed)."""
    for fact in report.get("facts", []):
        verdict = verdicts.get(fact["id"])
        fact["verdict"] = verdict.status if verdict else None
        fact["verdict_value"] = verdict.value if verdict else None
        fact["note"] = verdict.note if verdict else ""
    for article in report.get("articles", []):
        article["trust"] = trust.get(article["id"])
    return report
