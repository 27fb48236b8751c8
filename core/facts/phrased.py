"""Facts built from values read out of sentences: the evidence each value carries, and one
fact from phrases each outlet wrote (a bearing, a status, a name given to a thing).

Shared by ``story`` (counts, dates, names) and by the sentence-read kinds of ``kinds``, so a
value's evidence is built one way whatever read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from ..models import Evidence, Fact, FactValue
from .labels import fact_id
from .observe import Sentence


def evidence(o_sent: Sentence, written: str | None = None, at: int | None = None) -> Evidence:
    """The sentence a value was read from, with the value as that outlet wrote it (a value
    row groups outlets by meaning, so "more than 40" may sit under "over 40") and where it is
    written: ``at`` is its offset in the sentence, as the reader found it."""
    if written and (at is None or o_sent.text[at:at + len(written)] != written):
        found = o_sent.text.find(written)  # read from the sentence but not placed by its reader
        at = found if found >= 0 else None
    if not written or at is None:
        return Evidence(o_sent.article, o_sent.text, o_sent.start, o_sent.end, written)
    start = o_sent.start + at
    return Evidence(o_sent.article, o_sent.text, o_sent.start, o_sent.end, written, start, start + len(written))


def evidence_once(read: Iterable[tuple[Sentence, str | None, int | None]]) -> list[Evidence]:
    """Evidence for values read from sentences, one item per sentence (a sentence may give a
    value twice, and wire copies repeat sentences under other articles): ``(sentence, value as
    written, its offset in the sentence or None)``."""
    seen: set[tuple[str, int]] = set()
    out = []
    for sent, written, at in read:
        if (sent.article, sent.start) not in seen:
            seen.add((sent.article, sent.start))
            out.append(evidence(sent, written, at))
    return out


class Phrased(Protocol):
    """A value read as a phrase of one sentence (a bearing, a record)."""

    sent: Sentence
    start: int
    end: int


def phrase_fact(story: str, label: str, kind: str, items: list[Phrased], value_of: Callable[[Any], Any],
                 normalized: Callable[[Any], dict[str, Any]], clash: Callable[[Any, Any], bool]) -> Fact:
    """One fact from phrases each outlet wrote: a value row per distinct ``value_of``, contested
    (``value``) when two independent outlets' values ``clash``, else agreed."""
    groups: dict[Any, list[Phrased]] = {}
    for item in items:
        groups.setdefault(value_of(item), []).append(item)
    values = [FactValue(str(v), normalized(group[0]), sorted({i.sent.article for i in group}),
                        [evidence(i.sent, i.sent.text[i.start:i.end], i.start) for i in group])
              for v, group in sorted(groups.items(), key=lambda kv: -len(kv[1]))]
    pair = next(((a, b) for a in items for b in items if a.sent.root != b.sent.root and clash(a, b)), None)
    reasons = [f"{str(value_of(pair[0]))!r} vs {str(value_of(pair[1]))!r}: value"] if pair else []
    return Fact(fact_id(story, label, kind), story, label, kind, "contested" if pair else "agreed", values,
                "value" if pair else None, len({i.sent.root for i in items}), reasons)


P = TypeVar("P", bound=Phrased)


def first_in_each_article(sentences: list[Sentence], read: Callable[[Sentence], P | None]) -> list[P]:
    """Each article's first phrase ``read`` finds, in reading order (an outlet's first word on
    a question is its answer; later sentences qualify or quote others), by article."""
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for sent in sentences:
        by_article[sent.article].append(sent)
    firsts = []
    for sents in by_article.values():
        found = next((p for sent in sorted(sents, key=lambda s: s.index) if (p := read(sent)) is not None), None)
        if found is not None:
            firsts.append(found)
    return sorted(firsts, key=lambda p: (p.sent.article, p.start))
