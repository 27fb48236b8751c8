"""Attribution conflicts: one outlet says a statement named someone, another that it did not.

This is easy to get wrong, so the rule is narrow on purpose. A sentence counts as "named"
only when it says the statement identified or named someone *as* a name ("identifying him
as Dana Whit"); as "did not name" only when it says the statement (or release,
announcement...) did not identify or name them. And the two sentences are only lined up
when they plainly report the same statement: both quote it, and the quotations share a run
of at least ``SHARED_WORDS`` words. Without that shared quotation an outlet's "did not
identify" may well be about another statement, and no contest is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Article
from .observe import Sentence

SHARED_WORDS = 5
"""Words in a row two quotations must share to be read as quoting one statement."""
LOOK_BACK = 400
"""Characters before a "did not identify" sentence searched for the statement's quotation
("... the statement said. The statement, which does not identify ...")."""

_STATEMENT = re.compile(r"\b(?:statement|announcement|release|communiqu[eé]|press conference|briefing)s?\b",
                        re.IGNORECASE)
_NEGATED = re.compile(
    r"\b(?:(?:did|does|do|would|could|has|have|had)\s+not|(?:didn['’]t|doesn['’]t|don['’]t|wouldn['’]t)|"
    r"declined\s+to|refused\s+to)\s+(?:identify|name)\b[^.,;:]{0,60}"
    r"|\bwithout\s+(?:identifying|naming)\b[^.,;:]{0,60}",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al|el|bin|ibn|abu|de|van|von|[‘“\"'][A-Z][\w'’ -]*[’”\"']))*"
_NAMED = re.compile(
    rf"\b(?:identif(?:ying|ied|ies)|nam(?:ing|ed|es))\s+(?:him|her|them|the\s+[a-z]+)\s+as\s+(?P<who>{_NAME})"
)
_ATTRIBUTED = re.compile(r"\baccording to\b|\bsaid\b|\bsays\b|\bstated\b", re.IGNORECASE)
_QUOTED = re.compile(r"“([^”]{12,})”|\"([^\"]{12,})\"")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Stance:
    """One outlet's account of whether the statement named the person."""

    sent: Sentence
    named: bool
    written: str
    """The words as written ("identifying him as ...", "does not identify the individual")."""
    who: str | None
    runs: frozenset[tuple[str, ...]]
    """Word runs of the statement's quotations, to recognise the same statement elsewhere."""


def _runs(text: str) -> frozenset[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for m in _QUOTED.finditer(text):
        words = _WORD.findall((m.group(1) or m.group(2)).lower())
        out.update(tuple(words[i:i + SHARED_WORDS]) for i in range(len(words) - SHARED_WORDS + 1))
    return frozenset(out)


def stances(article: Article, sentences: list[Sentence]) -> list[Stance]:
    """The article's sentences that say whether a statement named someone."""
    out: list[Stance] = []
    body = article.body
    for sent in sentences:
        text = sent.text
        if "identif" not in text and "nam" not in text:
            continue
        neg = _NEGATED.search(text)
        if neg is not None:
            around = body[max(0, sent.start - LOOK_BACK):sent.end]
            if not _STATEMENT.search(text):
                continue
            runs = _runs(around)
            if runs:
                out.append(Stance(sent, False, " ".join(neg.group().split()), None, runs))
            continue
        pos = _NAMED.search(text)
        if pos is not None and (_STATEMENT.search(text) or _ATTRIBUTED.search(text)):
            runs = _runs(text)
            if runs:
                out.append(Stance(sent, True, pos.group(), pos.group("who"), runs))
    return out


def conflicts(all_stances: list[Stance]) -> list[tuple[list[Stance], list[Stance]]]:
    """Pairs of (named, not named) accounts from different outlets quoting one statement."""
    named = [s for s in all_stances if s.named]
    unnamed = [s for s in all_stances if not s.named]
    groups: list[tuple[list[Stance], list[Stance]]] = []
    for n in unnamed:
        yes = [p for p in named if p.sent.root != n.sent.root and p.runs & n.runs]
        if not yes:
            continue
        for g_yes, g_no in groups:
            if any(p in g_yes for p in yes):
                g_no.append(n)
                g_yes.extend(p for p in yes if p not in g_yes)
                break
        else:
            groups.append((yes, [n]))
    return groups


def object_of(written: str) -> str:
    """Who was not named, as written ("the individual who was killed"), trimmed."""
    words = written.split()
    for i, w in enumerate(words):
        if w.lower() in ("identify", "name", "identifying", "naming"):
            rest = words[i + 1:i + 7]
            return " ".join(rest) if rest else "them"
    return "them"
