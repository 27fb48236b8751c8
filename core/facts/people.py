"""People across the outlets of a story: one entity per person, however each outlet spells it.

Within an article, full names that are the same person merge, and a bare surname ("Varga's
statement") is tied to the full name it abbreviates. Across articles, entities merge only
when every pair in the group passes ``names.same_person`` (complete linkage), so a chain of
loose matches can never join two different people who happen to share a surname form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein

from .lexicon import ROLE_WORDS
from .names import PersonName, find_people, name_like, parse_name, person_cue, role_next_to, same_person
from .observe import Sentence


@dataclass
class NameMention:
    """A person name read in one sentence (offsets relative to the sentence)."""

    sent: Sentence
    name: PersonName

    @property
    def article(self) -> str:
        return self.sent.article


@dataclass
class Entity:
    """One person as named by one article (full-name mentions plus surname references)."""

    article: str
    root: str
    names: list[NameMention] = field(default_factory=list)
    refs: list[NameMention] = field(default_factory=list)

    @property
    def best(self) -> PersonName:
        """The fullest spelling this article uses (cached until a name is added)."""
        cached = self.__dict__.get("_best")
        if cached is None or cached[0] != len(self.names):
            # names are only appended: compare the new ones with the best so far (earlier
            # first, so ties keep the earlier), not all of them again (quadratic)
            known = cached[0] if cached is not None and cached[0] < len(self.names) else 0
            pool = ([cached[1]] if known else []) + [m.name for m in self.names[known:]]
            name = max(pool, key=lambda n: (len(n.units), len(n.text)))
            cached = self.__dict__["_best"] = (len(self.names), name)
        return cached[1]


@dataclass
class PersonSlot:
    """A person across outlets: entities of several articles, and why they were joined."""

    entities: list[Entity]
    reasons: list[str]


def _claims_people(sent: Sentence, analysis_mentions: list[Any]) -> list[PersonName]:
    """Person mentions from the claim extractor that fall in this sentence, as parsed names.

    They must carry some evidence of being a person (a title or role the extractor read, or
    one of our own cues): a spelling contest between two outlets' renderings of a militia's
    or a slogan's name would be a false alarm.
    """
    out = []
    for m in analysis_mentions:
        if getattr(m, "kind", None) != "person":
            continue
        if not (sent.start <= m.start and m.end <= sent.end):
            continue
        text = sent.text[m.start - sent.start:m.end - sent.start]
        start = m.start - sent.start
        norm = getattr(m, "normalized", None) or {}
        bare = norm.get("name")
        if isinstance(bare, str) and bare and bare in text and bare != text:
            start += text.index(bare)  # the extractor's name without its title
            text = bare
        name = name_like(text, start)
        if name is None or not name.full:
            continue
        if norm.get("title") or norm.get("role") or person_cue(sent.text, name.start, name.end, name):
            out.append(name)
    return out


def article_entities(sentences: list[Sentence], mentions: list[Any]) -> list[Entity]:
    """The people one article names, each with its full-name and surname mentions."""
    if not sentences:
        return []
    entities: list[Entity] = []
    people = [m for m in mentions if getattr(m, "kind", None) == "person"]
    # the claim extractor decides a name's kind over the whole article: a span it reads as a
    # place or organisation ("Saudi Arabia says") is not a person here either
    not_people = [(m.start, m.end) for m in mentions if getattr(m, "kind", None) in ("place", "org")]
    for sent in sentences:
        found = [
            f for f in find_people(sent.text)
            if not _overlaps(sent.start + f.start, sent.start + f.end, not_people)
            or _overlaps(sent.start + f.start, sent.start + f.end, [(m.start, m.end) for m in people])
            or role_next_to(sent.text, f.start, f.end)  # "Mayor X", "X, director of ...": a person
        ]
        for extra in _claims_people(sent, people):
            if not any(f.start < extra.end and extra.start < f.end for f in found):
                found.append(extra)
        for name in found:
            if not name.full:
                continue
            nm = NameMention(sent, name)
            for ent in entities:
                if ent.best.surname.key == name.surname.key and same_person(ent.best, name)[0]:
                    ent.names.append(nm)
                    break
            else:
                entities.append(Entity(sent.article, sent.root, [nm]))
    _surname_refs(entities, sentences)
    return entities


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _surname_refs(entities: list[Entity], sentences: list[Sentence]) -> None:
    """Tie bare surnames to the one entity of the article whose surname they spell."""
    by_surname: dict[str, list[Entity]] = defaultdict(list)
    for ent in entities:
        by_surname[ent.best.surname.folded].append(ent)
    for surname, ents in by_surname.items():
        if len(ents) != 1 or len(surname) < 3:
            continue
        ent = ents[0]
        spelled = ent.best.surname.token
        taken = {(m.sent.start, m.name.start) for m in ent.names}
        in_sent: dict[int, list[NameMention]] = defaultdict(list)  # linear, not names x hits
        for m in ent.names:
            in_sent[id(m.sent)].append(m)
        for sent in sentences:
            if spelled not in sent.text:
                continue
            for start, written in surname_hits(sent.text, spelled):
                inside = any(m.name.start <= start < m.name.end for m in in_sent[id(sent)])
                if inside or (sent.start, start) in taken:
                    continue
                name = parse_name(written, start)
                if name is not None:
                    ent.refs.append(NameMention(sent, name))


_SURNAME_PREFIXES = frozenset(f"{p}{sep}" for p in ("al", "el", "Al", "El") for sep in "- ")


def _edge(ch: str) -> bool:
    """Whether ``ch`` continues a word for a surname's ends: ``\\w`` or a hyphen."""
    return ch == "-" or ch == "_" or ch.isalnum()


def surname_hits(text: str, spelled: str) -> list[tuple[int, str]]:
    """Where ``spelled`` stands alone in ``text``, with an "al-"/"el " prefix kept when
    written: what ``(?<![\\w-])(?:(?:al|el|Al|El)[- ])?SPELLED(?![\\w-])`` finds, without
    compiling a pattern per surname (a story names hundreds of people)."""
    n = len(spelled)
    at: list[int] = []
    i = text.find(spelled)
    while i >= 0:
        if i >= 3 and text[i - 3:i] in _SURNAME_PREFIXES:
            at.append(i - 3)
        at.append(i)
        i = text.find(spelled, i + 1)
    out: list[tuple[int, str]] = []
    end = 0
    for p in sorted(set(at)):
        if p < end or (p > 0 and _edge(text[p - 1])):
            continue
        for s in ((p + 3,) if text[p:p + 3] in _SURNAME_PREFIXES else ()) + (p,):
            if text.startswith(spelled, s) and not (s + n < len(text) and _edge(text[s + n])):
                out.append((p, text[p:s + n]))
                end = s + n
                break
    return out


def link(entities: list[Entity]) -> list[PersonSlot]:
    """Join entities of different articles that name the same person (complete linkage)."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, ent in enumerate(entities):
        buckets[ent.best.surname.key].append(i)
    slots: list[PersonSlot] = []
    for key in sorted(buckets):
        idx = buckets[key]
        groups: list[list[int]] = []
        reasons: list[list[str]] = []
        for i in idx:
            placed = False
            for g, rs in zip(groups, reasons, strict=True):
                if any(entities[j].article == entities[i].article for j in g):
                    continue
                verdicts = [same_person(entities[j].best, entities[i].best) for j in g]
                if all(ok for ok, _ in verdicts):
                    g.append(i)
                    _add_reasons(rs, [r for _, found in verdicts for r in found])
                    placed = True
                    break
            if not placed:
                groups.append([i])
                reasons.append([])
        for g, rs in zip(groups, reasons, strict=True):
            slots.append(PersonSlot([entities[i] for i in g], rs))
    return _join_near_keys(slots)


NEAR_KEY_SLOTS = 400
"""Slots compared across surname keys at most (a story names a few dozen people)."""


def _join_near_keys(slots: list[PersonSlot]) -> list[PersonSlot]:
    """Slots whose surnames' phonetic keys are one edit apart ("Bhuiyan" / "Bhuiya") and whose
    names are one person by ``same_person``, in articles of their own: one slot. The keys
    bucket names so that not every pair is compared; a spelling that drops or adds a letter
    the key keeps lands in the next bucket."""
    if len(slots) > NEAR_KEY_SLOTS:
        return slots
    out: list[PersonSlot] = []
    for slot in slots:
        key = slot.entities[0].best.surname.key
        for other in out:
            other_key = other.entities[0].best.surname.key
            if other_key == key or Levenshtein.distance(key, other_key) > 1:
                continue
            if {e.article for e in other.entities} & {e.article for e in slot.entities}:
                continue
            verdicts = [same_person(a.best, b.best) for a in other.entities for b in slot.entities]
            if all(ok for ok, _ in verdicts):
                other.entities.extend(slot.entities)
                _add_reasons(other.reasons, [r for _, rs in verdicts for r in rs] + slot.reasons)
                break
        else:
            out.append(slot)
    return out


def _add_reasons(reasons: list[str], new: list[str]) -> None:
    """Append to ``reasons`` each of ``new`` that does not say what one of them says."""
    seen = {_reason_key(r) for r in reasons}
    for reason in new:
        if _reason_key(reason) not in seen:
            reasons.append(reason)
            seen.add(_reason_key(reason))


def _reason_key(reason: str) -> frozenset[str]:
    """"A ~ B: ..." and "b ~ a: ..." say the same thing."""
    pair = reason.split(":", 1)[0]
    return frozenset(part.strip().lower() for part in pair.split("~"))


def role_of(slot: PersonSlot) -> str | None:
    """The role word most often written next to the person ("spokesman", "commander")."""
    roles: Counter[str] = Counter()
    for ent in slot.entities:
        for m in ent.names:
            s = m.sent.text
            window = s[max(0, m.name.start - 60):m.name.end + 60].lower()
            roles.update(w for w in re.findall(r"[a-z]+", window) if w in ROLE_WORDS)
    return roles.most_common(1)[0][0] if roles else None


def forms(slot: PersonSlot) -> list[tuple[tuple[str, ...], list[NameMention]]]:
    """The distinct spellings of a person, shortest forms folded into a unique longer form
    that contains them word for word ("Helena Varga" inside "Helena M. Varga" is no variant)."""
    by_form: dict[tuple[str, ...], list[NameMention]] = {}
    for ent in slot.entities:
        for m in ent.names:
            by_form.setdefault(m.name.form(), []).append(m)
    keys = sorted(by_form, key=len, reverse=True)
    for short in keys[::-1]:
        supers = [k for k in keys if len(k) > len(short) and _subsequence(short, k) and k in by_form]
        if len(supers) == 1 and short in by_form:
            by_form[supers[0]].extend(by_form.pop(short))
    return sorted(by_form.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(tok == x for x in it) for tok in short)


def display(name: PersonName) -> str:
    """The name as an outlet wrote it (titles already dropped)."""
    return re.sub(r"\s+", " ", name.text).strip()
