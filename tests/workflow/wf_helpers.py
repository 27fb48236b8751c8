"""Builders for the workflow tests: real model objects and a small invented story on disk."""

from __future__ import annotations

from pathlib import Path

from wiredesk.core.models import Article, Evidence, Fact, FactValue


def article(aid: str, *, outlet: str | None = None, published: str | None = None, published_at: str | None = None,
            url: str | None = None, title: str | None = None, copy_of: str | None = None) -> Article:
    return Article(
        id=aid, path=f"/news/{aid}.txt", content_hash=f"hash-{aid}", body="", raw="", format="text",
        title=title, outlet=outlet, byline=None, published=published, published_at=published_at, dateline=None,
        url=url, captions=[], removed=[], indexed_at="2026-01-01T00:00:00Z", story="s-test", copy_of=copy_of,
    )


def fact(fid: str, label: str, values: dict[str, list[tuple[str, str]]], *, status: str = "contested",
         conflict: str | None = "value", kind: str = "count") -> Fact:
    """``values``: value -> [(article id, sentence)]."""
    out = []
    for value, given in values.items():
        evidence = [Evidence(a, s, 0, len(s), value) for a, s in given]
        out.append(FactValue(value, {"n": value}, [a for a, _ in given], evidence))
    return Fact(fid, "s-test", label, kind, status, out, conflict if status == "contested" else None,  # type: ignore[arg-type]
                sources=len({a for g in values.values() for a, _ in g}))


FIRE = {
    "a.html": ("Harbour Post", "2021-03-06T09:00:00Z", "https://harbour.example/fire", "Warehouse fire kills four",
               "The fire at the Kessel warehouse on Friday killed four workers, investigators said.",
               "The company has suspended operations at the site."),
    "b.html": ("City Ledger", "2021-03-06T14:30:00Z", "https://ledger.example/fire", "Kessel warehouse fire toll rises",
               "The fire at the Kessel warehouse on Friday killed six workers, investigators said.",
               "Two more bodies were found in the electrical room overnight."),
    "c.html": ("Evening Wire", "2021-03-06T18:00:00Z", "https://wire.example/fire", "Kessel fire: six dead",
               "The fire at the Kessel warehouse on Friday killed six workers, the fire service said.",
               "Firefighters from three districts fought the blaze for nine hours."),
}
"""An invented story whose toll rises from one report to the next (four, then six)."""


def write_fire(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (outlet, when, url, title, sentence, more) in FIRE.items():
        (folder / name).write_text(
            f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{when}"><link rel="canonical" href="{url}">'
            f"</head><body><article><p>{sentence}</p><p>{more}</p></article></body></html>\n",
            encoding="utf-8",
        )
    return folder
