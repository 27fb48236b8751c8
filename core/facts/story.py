"""``compare_story``: line up a story's claims into fact slots and compare the values.

How (one module per step): ``observe`` reads counts, dates and times from each claim with
the words around them (``quantities``, ``when``, ``timezones``); ``align`` buckets them and
clusters across outlets by IDF-weighted context; ``compare`` decides agreed / contested and
the kind of conflict; ``names`` and ``people`` do the same for person names (spelling
variants); ``attribution`` finds outlets that disagree on what a statement said; ``labels``
names each slot. Statuses: ``contested`` when two independent outlets give values that
cannot both be right (or disagree on a bound or a spelling), ``agreed`` when at least two
independent outlets give compatible values, ``single`` otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from ..models import Article, Fact, FactValue
from .ages import age_slots
from .align import Idf, cluster
from .attribution import Stance, conflicts, object_of, stances
from .compare import SEVERITY, reportable_conflict, value_key
from .compass import compass_groups
from .gc_pause import paused_gc
from .kinds import PHRASE_KINDS
from .labels import count_label, fact_id, shared_words, when_label
from .leads import headline_slots, told_of_an_earlier_year
from .names import fold
from .observe import (
    Obs,
    Sentence,
    borrowed_dates,
    observe,
    reference_dates,
    roots_of,
    sentences_of,
    settle_local_clock,
)
from .people import PersonSlot, article_entities, display, forms, link, role_of
from .phrased import evidence_once, phrase_fact
from .speakers import Quoted, one_person, quotations, speaker_slots
from .spellings import Spelling, spelling_groups
from .titles import Titled, title_slots
from .titles import conflicting as title_conflict

__all__ = ["compare_story"]

_STATUS_ORDER = {"contested": 0, "agreed": 1, "single": 2}


def compare_story(story_id: str, articles: list[Article], analyses: dict[str, Any]) -> list[Fact]:
    """The story's facts, contested first, each value tied to the sentences it came from."""
    with paused_gc():
        return _compare_story(story_id, articles, analyses)


def _compare_story(story_id: str, articles: list[Article], analyses: dict[str, Any]) -> list[Fact]:
    roots = roots_of(articles)
    refs = reference_dates(articles)
    when = {a.id: a.published_at or a.published for a in articles}
    borrowed = borrowed_dates(articles)
    by_article: dict[str, list[Sentence]] = {}
    observations: list[Obs] = []
    entities = []
    for art in articles:
        analysis = analyses.get(art.id)
        if analysis is None:
            continue
        sents = sentences_of(art, analysis, roots[art.id], refs[art.id], art.id in borrowed)
        by_article[art.id] = sents
        observations.extend(observe(sents))
        mentions = [m for c in getattr(analysis, "claims", []) for m in (c.mentions or [])]
        entities.extend(article_entities(sents, mentions))
    observations = [o for o in observations if not told_of_an_earlier_year(o)]
    settle_local_clock(observations)
    idf = Idf(s for sents in by_article.values() for s in sents)
    facts: list[Fact] = []
    for group in headline_slots(cluster(observations, idf), idf, by_article):
        facts.append(_value_fact(story_id, group, idf, when))
    person_slots = link(entities)
    for slot in person_slots:
        fact = _name_fact(story_id, slot)
        if fact is not None:
            facts.append(fact)
    for slot, titled in title_slots(person_slots):
        fact = _title_fact(story_id, slot, titled)
        if fact.status == "contested":  # agreed titles would only crowd the panel
            facts.append(fact)
    for slot, aged in age_slots(person_slots):
        surname = slot.entities[0].best.surname.show
        fact = phrase_fact(story_id, f"age of {surname}", "count", list(aged), lambda a: a.age,
                            lambda a: {"op": "=", "n": a.age, "unit": "years"}, lambda a, b: a.age != b.age)
        if fact.status == "contested":  # agreed ages would only crowd the panel
            facts.append(fact)
    taken = {tok for f in facts if f.kind == "name" and f.status == "contested"
             for v in f.values for tok in fold(v.value).split()}
    # every sentence (``sentences_of``): a place's spelling, a bearing, or "the statement,
    # which does not identify the man, said ..." carry no figure yet say something checkable
    every = [s for sents in by_article.values() for s in sents]
    for group in spelling_groups(every, taken) + compass_groups(every):
        facts.append(_spelling_fact(story_id, group))
    for kind in PHRASE_KINDS:  # fact kinds read from whole sentences (``kinds``)
        for label, items in kind.slots(every):
            fact = phrase_fact(story_id, label, kind.kind, items, kind.value, kind.normalized, kind.clash)
            if fact.status == "contested" and kind.stage is not None and _in_stage_order(items, kind.stage, when):
                fact.conflict = "update"  # "at large" on Thursday, "found dead" on Friday
            if fact.status == "contested" or not kind.contested_only:
                facts.append(fact)
    said = [st for art in articles if art.id in by_article for st in stances(art, by_article[art.id])]
    for yes, no in conflicts(said):
        facts.append(_attribution_fact(story_id, yes, no))
    for label, quoted in speaker_slots(quotations(by_article, analyses)):
        facts.append(_speaker_fact(story_id, label, quoted))
    _unique_ids(facts)
    facts.sort(key=lambda f: (_STATUS_ORDER[f.status], -f.sources, f.kind, f.label))
    return facts


def _value_fact(story: str, group: list[Obs], idf: Idf, when: dict[str, str | None]) -> Fact:
    kind = group[0].kind
    label = count_label(group, idf) if kind == "count" else when_label(kind, group, idf)
    by_value: dict[tuple, list[Obs]] = {}
    for o in sorted(group, key=lambda o: (o.article, o.sent.start, o.start)):
        key = value_key(o)
        by_value.setdefault(key[:3] if kind == "date" else key, []).append(o)  # one row per day (and part) shown
    units = {str(o.norm.get("unit")) for o in group if "metres" in o.norm}
    values = []
    for obs in by_value.values():
        evidence = evidence_once((o.sent, o.sent.text[o.start:o.end], o.start) for o in obs)
        norm = dict(obs[0].norm)
        written = {o.article: o.surface for o in obs}
        if len({w.lower() for w in written.values()}) > 1:
            norm["written"] = written  # same value, worded differently per article
        surfaces = Counter(o.surface.lower() for o in obs)
        pick = next(o for o in obs if o.surface.lower() == surfaces.most_common(1)[0][0])
        shown = pick.surface
        if len(units) > 1 and "metres" in pick.norm and not shown[-1:].isalpha():
            shown = f"{shown} {pick.norm['unit']}"  # "about 60 km" against "50 miles": each its unit
        if kind == "date" and pick.norm.get("relative"):
            shown = f"{shown} ({_resolved(norm)})"  # "last night" means a different day per paper
        published = sorted(t for o in obs if (t := when.get(o.article)))
        values.append(FactValue(shown, norm, sorted({o.article for o in obs}), evidence,
                                published[0] if published else None))
    roots = {o.root for o in group}
    worst: str | None = None
    reasons: list[str] = []
    groups = list(by_value.values())
    for i, ga in enumerate(groups):
        for gb in groups[i + 1:]:
            for a in ga:
                for b in gb:
                    if a.root == b.root:
                        continue
                    c = reportable_conflict(a, b)
                    if c and (worst is None or SEVERITY[c] > SEVERITY[worst]):
                        worst = c
                        reasons.insert(0, f"{a.surface!r} vs {b.surface!r}: {c}")
    if len({o.root for o in group}) > 1:
        what = "counted noun" if kind == "count" else "event"
        heads = ", ".join(sorted({o.head for o in group}))
        preds = sorted({o.pred for o in group if o.pred and o.pred != o.head})
        shared = ", ".join(shared_words(group, idf)) or "-"
        reasons.append(f"same {what} ({heads}{'; ' + ', '.join(preds) if preds else ''}) and shared "
                       f"context: {shared}")
    status = "single" if len(roots) < 2 else ("contested" if worst else "agreed")
    if status == "contested" and kind == "count" and is_update(groups, when):
        reasons.insert(0, "the figure changed between reports published at different times: an update")
        worst = "update"
    return Fact(fact_id(story, label, kind), story, label, kind, status, values,
                worst if status == "contested" else None, len(roots), reasons[:4])


def is_update(groups: list[list[Obs]], when: dict[str, str | None]) -> bool:
    """Whether a count's values are one figure moving over time rather than a disagreement:
    every outlet's report is dated, reports of different values were published at different
    times (a day apart when only days are known), and the later the report, the larger the
    figure (tolls rise); for the missing and the trapped, the smaller (people are found).
    Values published at the same time stay a contradiction."""
    preds = {o.pred.split(":")[0] if o.pred else None for group in groups for o in group}
    if not preds <= _EVOLVING:
        return False  # a crew of four and a crew of six, nine vehicles and twelve: no story moves those
    falling = all(o.pred in _FALLING for group in groups for o in group)
    stamps: list[tuple[str, float]] = []
    for group in groups:
        for o in group:
            t = when.get(o.article)
            if not t:
                return False
            stamps.append((t, (o.lo + o.hi) / 2 if "vague" in o.norm else float(o.norm["n"])))
    by_value: dict[float, set[str]] = {}
    for t, v in stamps:
        by_value.setdefault(v, set()).add(t)
    if len(by_value) < 2:
        return False
    ordered = sorted(by_value.items(), reverse=falling)
    return all(max(earlier) < min(later) for (_, earlier), (_, later) in pairwise(ordered))


_EVOLVING = frozenset({"kill", "injure", "missing", "trap", "evacuate", "displace", "rescue", "recover",
                       "identify", "arrest", "destroy", "outage", "risk"})
"""Figures a story updates as it unfolds: tolls, the missing, the evacuated, the arrested.
Others (the people aboard, a crew, vehicles, a length) are fixed: two of them differ."""
_FALLING = frozenset({"missing", "trap"})
"""Figures that shrink as a story moves on: "18 missing" on Tuesday, "15 missing" on Wednesday."""


def _resolved(norm: dict[str, Any]) -> str:
    """The day (or month, or range) a relative date was resolved to, for display."""
    if "date" in norm:
        return str(norm["date"])
    lo, hi = str(norm.get("from")), str(norm.get("to"))
    if norm.get("grain") == "month" and lo[:7] == hi[:7]:
        return lo[:7]
    return f"{lo} to {hi}"


def _name_fact(story: str, slot: PersonSlot) -> Fact | None:
    spelled = forms(slot)
    if not spelled:
        return None
    values = []
    for _form, mentions in spelled:
        evidence = evidence_once((m.sent, m.sent.text[m.name.start:m.name.end], m.name.start) for m in mentions)
        first = mentions[0].name
        values.append(FactValue(display(first), {"name": display(first), "key": fold(" ".join(_form))},
                                sorted({m.article for m in mentions}), evidence))
    roots = {e.root for e in slot.entities}
    roots_by_value = [{m.sent.root for m in mentions} for _f, mentions in spelled]
    cross = any(ra != rb or len(ra | rb) > 1 for i, ra in enumerate(roots_by_value)
                for rb in roots_by_value[i + 1:])
    contested = len(values) > 1 and len(roots) > 1 and cross and bool(slot.reasons)
    status = "contested" if contested else ("agreed" if len(roots) > 1 else "single")
    role = role_of(slot)
    surname = slot.entities[0].best.surname.show
    label = f"name of the {role} {surname}" if role else f"name: {surname}"
    return Fact(fact_id(story, label, "name"), story, label, "name", status, values,
                "spelling" if contested else None, len(roots), slot.reasons[:6])


def _spelling_fact(story: str, group: dict[str, list[Spelling]]) -> Fact:
    """One proper noun spelt differently by different outlets."""
    values = []
    for word, uses in group.items():
        evidence = evidence_once((u.sent, u.word, None) for u in uses)
        values.append(FactValue(uses[0].word, {"name": uses[0].word, "key": word},
                                sorted({u.sent.article for u in uses}), evidence))
    main = values[0].value
    roots = {u.sent.root for uses in group.values() for u in uses}
    shown = " / ".join(v.value for v in values)
    label = f"spelling of {main}"
    return Fact(fact_id(story, label, "name"), story, label, "name", "contested", values, "spelling",
                len(roots), [f"{shown}: one name spelt differently by different outlets"])


def _title_fact(story: str, slot: PersonSlot, titled: list[Titled]) -> Fact:
    """The rank each outlet gives one person ("lieutenant governor" / "governor")."""
    surname = slot.entities[0].best.surname.show
    return phrase_fact(story, f"title of {surname}", "title", list(titled), lambda t: " ".join(t.words),
                        lambda t: {"title": " ".join(t.words), "person": surname}, title_conflict)


def _in_stage_order(items: list[Any], stage: Callable[[Any], int], when: dict[str, str | None]) -> bool:
    """Whether every report of an earlier step was published before every report of a later
    one (all dated): a status that moved, not outlets that disagree."""
    stamps = [(stage(i), when.get(i.sent.article)) for i in items]
    if any(t is None for _, t in stamps) or len({sa for sa, _ in stamps}) < 2:
        return False  # "in custody" against "shot dead": two ends, no step between them
    for step in {sa for sa, _ in stamps}:  # one value per step: custody and death at once disagree
        if len({str(getattr(i, "status", i)) for i in items if stage(i) == step}) > 1:
            return False
    return all(ta < tb for sa, ta in stamps for sb, tb in stamps if sa < sb)


def _speaker_fact(story: str, label: str, quoted: list[Quoted]) -> Fact:
    """One quotation given to different people by different outlets."""
    shown: dict[str, str] = {}
    for q in quoted:  # one row per person, under the fullest form of the name
        shown[q.surname] = max(shown.get(q.surname, ""), q.speaker, key=len)
    fact = phrase_fact(story, label, "quote", list(quoted), lambda q: shown[q.surname],
                       lambda q: {"speaker": shown[q.surname], "quote": q.words},
                       lambda a, b: not one_person(a, b))
    fact.conflict = "attribution"
    fact.reasons = [f"{' / '.join(v.value for v in fact.values)}: one quotation, given to different people"]
    return fact


def _attribution_fact(story: str, yes: list[Stance], no: list[Stance]) -> Fact:
    """One outlet: the statement named him; another: it did not (same statement, quoted)."""
    who = Counter(st.who for st in yes if st.who).most_common(1)[0][0]
    values = []
    for shown, norm, group in ((f"named as {who}", {"named": True, "name": who}, yes),
                               ("not named", {"named": False}, no)):
        evidence = evidence_once((st.sent, st.written, None) for st in group)
        values.append(FactValue(shown, norm, sorted({st.sent.article for st in group}), evidence))
    label = f"whether the statement named {object_of(no[0].written)}"
    roots = {st.sent.root for st in yes + no}
    shared = min(yes[0].runs & no[0].runs)
    reasons = [f"both quote the same statement: \u201c{' '.join(shared)}\u2026\u201d"]
    return Fact(fact_id(story, label, "attribution"), story, label, "attribution", "contested", values,
                "attribution", len(roots), reasons)


def _unique_ids(facts: list[Fact]) -> None:
    seen: dict[str, int] = {}
    for f in facts:
        if f.id in seen:
            seen[f.id] += 1
            first = f.values[0].evidence[0] if f.values and f.values[0].evidence else None
            salt = f"{first.article}:{first.start}" if first else str(seen[f.id])
            f.id = fact_id(f.story, f.label, f.kind, salt)
        seen.setdefault(f.id, 0)

