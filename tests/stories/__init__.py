"""Small invented stories for the fact engine's tests, and a loader for them.

Each ``*.txt`` file holds one story: ``=== id | outlet | YYYY-MM-DD [| copy_of=id]`` starts an
article, the lines after it are its body. Lines starting with ``#`` before the first article
describe the traps the story sets. Sentences are split here with a small regex (the tests
exercise core/facts on hand-built analyses, independent of the claim extractor).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from wiredesk.core.models import Article, Claim

HERE = Path(__file__).parent

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|St|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|"
                     r"\b[A-Z]|[ap]\.m)\.$")
_SENT_END = re.compile(r"[.!?][\"”’']?(?=\s+[\"“‘A-Z0-9])")


class SimpleAnalysis:
    """The part of ``claims.Analysis`` the fact engine reads: ``.claims``."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims


def split(body: str) -> list[Claim]:
    """Sentences with exact offsets: paragraph breaks and sentence-final punctuation split,
    abbreviations ("Jan.", "U.S.", "p.m.") do not."""
    out: list[Claim] = []
    for para in re.finditer(r"[^\n]+", body):
        start = para.start()
        text = para.group()
        pos = 0
        for m in _SENT_END.finditer(text):
            if _ABBREV.search(text[: m.start() + 1]):
                continue
            end = m.end()
            chunk = text[pos:end].strip()
            if chunk:
                s = start + pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
                out.append(Claim(s, s + len(chunk), chunk))
            pos = end
        chunk = text[pos:].strip()
        if chunk:
            s = start + pos + (len(text[pos:]) - len(text[pos:].lstrip()))
            out.append(Claim(s, s + len(chunk), chunk))
    return out


def load(name: str) -> tuple[list[Article], dict[str, SimpleAnalysis]]:
    """The articles of a story file and their analyses."""
    text = (HERE / name).read_text(encoding="utf-8")
    articles: list[Article] = []
    blocks = re.split(r"^=== ", text, flags=re.MULTILINE)[1:]
    for block in blocks:
        header, _, body = block.partition("\n")
        parts = [p.strip() for p in header.split("|")]
        art_id, outlet, published = parts[0], parts[1], parts[2]
        copy_of = None
        for extra in parts[3:]:
            if extra.startswith("copy_of="):
                copy_of = extra.split("=", 1)[1]
        body = body.strip("\n")
        articles.append(Article(
            id=art_id, path=f"{art_id}.txt", content_hash=art_id, body=body, raw=body, format="text",
            title=None, outlet=outlet, byline=None, published=published, published_at=None,
            dateline=None, url=None, captions=[], removed=[], indexed_at="2024-01-01T00:00",
            story="s1", copy_of=copy_of,
        ))
    analyses = {a.id: SimpleAnalysis(split(a.body)) for a in articles}
    return articles, analyses


def write_files(name: str, folder: Path) -> list[Path]:
    """A story file's articles as text files in ``folder`` (one per article, named by its id,
    with ``Outlet:`` and ``Date:`` lines), for tests that run ingest and grouping on them."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for article in load(name)[0]:
        path = folder / f"{article.id}.txt"
        path.write_text(f"Outlet: {article.outlet}\nDate: {article.published}\n\n{article.body}\n", encoding="utf-8")
        out.append(path)
    return out


def observe_sentence(text: str, day: date | None) -> list[Any]:
    """The engine's observations (counts, dates, times) of one sentence of an article
    published on ``day``: what a single wording yields, before any alignment."""
    from wiredesk.core.facts.observe import Sentence, content_tokens, observe

    return observe([Sentence("a", "a", 0, len(text), text, day, 0, tokens=content_tokens(text))])
