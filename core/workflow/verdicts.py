"""Verdicts on facts and trust in articles, stored beside the triage marks.

Why not key a verdict by the engine's fact id? A fact id is a hash of the story id, the
fact's label and kind, and the story id is a hash of the story's smallest article id. So the
id changes whenever a story gains an article whose id sorts first, and when two files hold
the same text (the second copy's id depends on its path). A verdict is the editor's
judgement and must outlive all of that, so it is keyed by *content*:

- the fact's ``kind`` and ``label`` (what the engine says the fact is about), and
- its anchors: for every sentence behind the fact, the article's content hash (the SHA-256
  of its text, which neither a move nor a rebuilt index changes) and a hash of the sentence.

A fact finds its verdict when kind and label match and at least one anchor is shared; when
several verdicts could match, the one sharing the most anchors wins, each verdict going to
one fact only (two facts may share a label, e.g. two casualty counts, but never a sentence).
So a verdict survives re-indexing, a deleted and rebuilt index, moved files and new
articles joining the story. It is lost only if the engine relabels the fact or none of its
sentences supports it any more; the row then stays in the file (nothing is ever deleted
behind the user's back) and comes back if the fact does.

Article trust (trusted / doubtful) is keyed by the article's content hash, like the marks.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from ..models import Article, Fact, FactValue
from ..store.schema import transaction

VerdictStatus = Literal["confirmed", "disputed", "unverified"]
STATUSES: tuple[VerdictStatus, ...] = ("confirmed", "disputed", "unverified")
Trust = Literal["trusted", "doubtful"]
TRUST_LEVELS: tuple[Trust, ...] = ("trusted", "doubtful")

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS verdicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        anchors TEXT NOT NULL,
        fact TEXT NOT NULL,
        status TEXT NOT NULL,
        value TEXT,
        normalized TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS verdicts_label ON verdicts(kind, label)",
    """CREATE TABLE IF NOT EXISTS article_trust (
        content_hash TEXT PRIMARY KEY,
        trust TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
]


class VerdictError(ValueError):
    """A verdict that cannot be recorded as asked (unknown status, no such value...)."""


@dataclass(frozen=True)
class Verdict:
    """The desk's decision on one fact. ``value`` is set when ``status`` is confirmed."""

    status: VerdictStatus
    value: str | None
    normalized: dict[str, Any] | None
    note: str
    updated_at: str
    row: int = 0
    """The stored row (so a later edit updates it rather than adding another)."""

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "value": self.value, "note": self.note, "updated_at": self.updated_at}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sentence_key(sentence: str) -> str:
    return hashlib.sha256(" ".join(sentence.split()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def anchors_of(fact: Fact, content_hashes: Mapping[str, str]) -> set[str]:
    """The fact's content keys: ``<article content hash>:<sentence hash>`` per sentence.

    ``content_hashes`` maps article ids to content hashes; evidence from an article it does
    not know is skipped (it cannot be keyed by content).
    """
    out = set()
    for value in fact.values:
        for ev in value.evidence:
            digest = content_hashes.get(ev.article)
            if digest:
                out.add(f"{digest}:{_sentence_key(ev.sentence)}")
    return out


def find_value(fact: Fact, wanted: str) -> FactValue:
    """The fact's value an editor named: its text or one outlet's wording, case and spacing
    ignored; else the only value that starts with or contains it."""
    def key(text: str) -> str:
        return " ".join(text.casefold().split())

    target = key(wanted)
    if not target:
        raise VerdictError("--value is empty")
    for value in fact.values:
        if key(value.value) == target or any(key(ev.value or "") == target for ev in value.evidence):
            return value
    for test in (lambda v: key(v.value).startswith(target), lambda v: target in key(v.value)):
        found = [v for v in fact.values if test(v)]
        if len(found) == 1:
            return found[0]
    choices = "; ".join(v.value for v in fact.values)
    raise VerdictError(f"{wanted!r} is not one of this fact's values ({choices})")


def value_for(fact: Fact, verdict: Verdict) -> FactValue | None:
    """The fact's value a confirmed verdict names now (matched by normalized form, then text)."""
    if verdict.value is None:
        return None
    for value in fact.values:
        if verdict.normalized and _comparable(value.normalized) == _comparable(verdict.normalized):
            return value
    return next((v for v in fact.values if v.value.casefold() == verdict.value.casefold()), None)


def _comparable(normalized: Mapping[str, Any]) -> dict[str, Any]:
    """A value's normalized form without what names articles (their ids may change)."""
    return {k: v for k, v in normalized.items() if k != "written"}


class VerdictStore:
    """Verdicts and article trust in the triage file (its connection, its transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        with transaction(conn):
            for statement in _SCHEMA:
                conn.execute(statement)

    # -- facts --------------------------------------------------------------------------

    def has_verdicts(self) -> bool:
        return self.conn.execute("SELECT 1 FROM verdicts LIMIT 1").fetchone() is not None

    def _rows(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[Any, ...]]:
        """Stored verdicts for these (kind, label) pairs. The table holds what editors typed
        (tens or hundreds of rows), so one scan beats a query per label of a large story."""
        wanted = set(pairs)
        return [
            row for row in self.conn.execute(
                "SELECT id, kind, label, anchors, status, value, normalized, note, updated_at FROM verdicts"
            )
            if (row[1], row[2]) in wanted
        ]

    def for_facts(self, facts: Iterable[Fact], content_hashes: Mapping[str, str]) -> dict[str, Verdict]:
        """Fact id -> verdict for the facts that have one (see the module docstring)."""
        facts = list(facts)
        rows = self._rows((f.kind, f.label) for f in facts)
        if not rows:
            return {}
        anchors = {f.id: anchors_of(f, content_hashes) for f in facts}
        candidates: list[tuple[int, str, tuple[Any, ...]]] = []
        for row in rows:
            stored = set(json.loads(row[3]))
            for fact in facts:
                if (fact.kind, fact.label) == (row[1], row[2]):
                    shared = len(stored & anchors[fact.id])
                    if shared:
                        candidates.append((shared, f"{row[8]}#{row[0]:012d}", (*row, fact.id)))
        # Most shared anchors first, then the latest edit: each fact and each row used once.
        candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
        out: dict[str, Verdict] = {}
        used: set[int] = set()
        for _, _, row in candidates:
            fact_id = row[-1]
            if fact_id in out or row[0] in used:
                continue
            used.add(row[0])
            out[fact_id] = Verdict(row[4], row[5], json.loads(row[6]) if row[6] else None, row[7], row[8], row[0])
        return out

    def set(
        self,
        fact: Fact,
        content_hashes: Mapping[str, str],
        status: VerdictStatus,
        *,
        value: str | None = None,
        note: str | None = None,
    ) -> Verdict:
        """Record (or change) the verdict on ``fact``; ``note=None`` keeps the current note.

        Confirmed needs a value (one of the fact's values); the other statuses take none.
        """
        if status not in STATUSES:
            raise VerdictError(f"unknown verdict {status!r} (use {', '.join(STATUSES)})")
        chosen = None
        if status == "confirmed":
            if value is None:
                raise VerdictError("a confirmed verdict needs --value (which value is right)")
            chosen = find_value(fact, value)
        elif value is not None:
            raise VerdictError(f"--value only goes with a confirmed verdict, not {status}")
        anchors = anchors_of(fact, content_hashes)
        if not anchors:
            raise VerdictError(f"fact {fact.id} has no sentence to key a verdict by")
        with transaction(self.conn):
            current = self.for_facts([fact], content_hashes).get(fact.id)
            keep_note = current.note if current is not None else ""
            row = (
                fact.kind, fact.label, json.dumps(sorted(anchors | self._anchors(current))), fact.id, status,
                chosen.value if chosen else None,
                json.dumps(_comparable(chosen.normalized), sort_keys=True) if chosen else None,
                keep_note if note is None else note, _now(),
            )
            if current is None:
                self.conn.execute(
                    "INSERT INTO verdicts(kind, label, anchors, fact, status, value, normalized, note, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row,
                )
            else:
                self.conn.execute(
                    "UPDATE verdicts SET kind=?, label=?, anchors=?, fact=?, status=?, value=?, normalized=?, "
                    "note=?, updated_at=? WHERE id = ?", (*row, current.row),
                )
        found = self.for_facts([fact], content_hashes).get(fact.id)
        assert found is not None
        return found

    def _anchors(self, verdict: Verdict | None) -> set[str]:
        if verdict is None:
            return set()
        row = self.conn.execute("SELECT anchors FROM verdicts WHERE id = ?", (verdict.row,)).fetchone()
        return set(json.loads(row[0])) if row else set()

    def clear(self, fact: Fact, content_hashes: Mapping[str, str]) -> bool:
        """Forget the verdict on ``fact`` (the editor asked to); True if there was one."""
        current = self.for_facts([fact], content_hashes).get(fact.id)
        if current is None:
            return False
        with transaction(self.conn):
            self.conn.execute("DELETE FROM verdicts WHERE id = ?", (current.row,))
        return True

    # -- articles -----------------------------------------------------------------------

    def trust(self, articles: Iterable[Article]) -> dict[str, Trust]:
        """Article id -> trust for the articles the desk has judged."""
        out: dict[str, Trust] = {}
        for article in articles:
            row = self.conn.execute(
                "SELECT trust FROM article_trust WHERE content_hash = ?", (article.content_hash,)
            ).fetchone()
            if row:
                out[article.id] = row[0]
        return out

    def set_trust(self, article: Article, trust: Trust | None) -> None:
        """Mark an article trusted or doubtful; ``None`` clears the mark."""
        if trust is not None and trust not in TRUST_LEVELS:
            raise VerdictError(f"unknown trust {trust!r} (use trusted, doubtful or clear)")
        with transaction(self.conn):
            if trust is None:
                self.conn.execute("DELETE FROM article_trust WHERE content_hash = ?", (article.content_hash,))
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO article_trust(content_hash, trust, updated_at) VALUES (?, ?, ?)",
                    (article.content_hash, trust, _now()),
                )
