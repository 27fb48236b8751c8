"""The dispute card: what a fact's outlets say, why they cannot all be right, and where
you are in the walk (``]``/``[``). Pinned above the article while a fact is walked.

Every string here is engine output or article metadata: built as ``Text``, never markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from ...core.models import Article, Fact
from ...core.safetext import one_line
from ..display import STATUS_GLYPHS, VERDICT_GLYPHS, outlet_name, published_label
from .facts_panel import Pick, picks

if TYPE_CHECKING:
    from ...core.workflow.verdicts import Verdict


def _distinct(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


_PAIR = re.compile(r"""^['"](.*)['"] vs ['"](.*)['"]: \w+$""")
"""The engine's reason for a contest: "'14' vs '9': value"."""


def conflict_words(fact: Fact, options: list[Pick], articles: dict[str, Article]) -> str:
    """The conflict kind in words, quoting two of the outlets' own values."""
    ordered = sorted(options, key=lambda p: _when(articles.get(p.evidence.article)))
    values = _distinct([one_line(p.wording, 40) for p in ordered])
    a, b = [*values, "?", "?"][:2]
    pair = _PAIR.match(fact.reasons[0]) if fact.reasons else None
    if pair is not None:  # the engine names the two values that clash: quote those
        a, b = one_line(pair.group(1), 40), one_line(pair.group(2), 40)
    kind = fact.conflict
    if fact.status != "contested":
        if fact.status == "agreed":
            return f"agreed: {fact.sources} independent sources give the same value"
        return "single source: no other outlet states this"
    if kind == "bound":
        return f"a bound: '{a}' and '{b}' cannot both be the full count"
    if kind == "precision":
        return f"precision: '{a}' and '{b}' may be one figure, stated more or less exactly"
    if kind == "spelling":
        return f"spelling: '{a}' and '{b}' may name the same thing, spelled differently"
    if kind == "attribution":
        return f"attribution: the outlets credit it to different sources ('{a}', '{b}')"
    if kind == "update":
        return f"an update: the figure changed between publication times ('{a}' earlier, '{b}' later)"
    return f"different values: '{a}' and '{b}' cannot both be right"


def _when(article: Article | None) -> str:
    if article is None:
        return ""
    return article.published_at or article.published or ""


def dispute_card(
    pick: Pick, articles: dict[str, Article], styles: dict[str, Style] | None = None, verdict: Verdict | None = None,
) -> Text:
    """The card's lines for the outlet ``pick`` (the one shown), as one ``Text``; with the
    desk's ``verdict`` on the fact, when one was recorded."""
    styles = styles or {}
    options = picks(pick.fact)
    position = next((i for i, p in enumerate(options) if p == pick), 0) + 1
    fact = pick.fact
    article = articles.get(pick.evidence.article)
    outlet = outlet_name(article) if article else pick.evidence.article[:8]
    card = Text(no_wrap=False)
    card.append(f"{STATUS_GLYPHS.get(fact.status, '?')} {one_line(fact.label, 50)}: ", style="bold")
    card.append(f"{outlet} says ")
    card.append(one_line(pick.wording, 40), style="bold")
    card.append(f"  ({position}/{len(options)})  ] next  [ prev")
    card.append("\n  ")
    card.append(conflict_words(fact, options, articles), style=styles.get("muted", Style()))
    if fact.reasons and not _PAIR.match(fact.reasons[0]):
        card.append(f"  ({one_line(fact.reasons[0], 60)})", style=styles.get("muted", Style()))
    if verdict is not None:
        card.append("\n  ")
        card.append(f"{VERDICT_GLYPHS.get(verdict.status, '?')} verdict: {verdict.status}", style="bold")
        if verdict.value:
            card.append(f": {one_line(verdict.value, 40)}", style="bold")
        if verdict.note:
            card.append(f" — {one_line(verdict.note, 60)}", style="italic")
    names = {p.evidence.article: (outlet_name(articles[p.evidence.article], 22)
                                  if p.evidence.article in articles else p.evidence.article[:8])
             for p in options}
    name_w = max((cell_len(n) for n in names.values()), default=8)
    values = [one_line(p.wording, 32) for p in options]
    value_w = max((cell_len(v) for v in values), default=8)
    for option, value in zip(options, values, strict=True):
        card.append("\n")
        here = option == pick
        card.append("▶ " if here else "  ", style="bold")
        name = names[option.evidence.article]
        card.append(name + " " * (name_w - cell_len(name)), style="bold" if here else "")
        card.append("  ")
        card.append(value + " " * (value_w - cell_len(value)), style="bold")
        when = articles.get(option.evidence.article)
        card.append(f"  {published_label(when) if when else '—'}")
    return card
