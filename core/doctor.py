"""``wiredesk doctor``: check the index, the triage file and the source paths; fix what is safe.

Safe fixes happen on every run because they cannot lose anything: rebuilding the full-text
index or a damaged index (both derived from the source files), checkpointing the
write-ahead log, dropping cache rows nothing refers to, redoing a stale story grouping.
Forgetting the articles of source files that vanished is only done with ``fix=True``: the
user may just have unmounted a disk. The triage file is only ever checked, never changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .safetext import on_disk
from .store import IndexCorrupt, IndexUnavailable, SchemaTooNew
from .store.schema import SCHEMA_VERSION
from .store.triage import TriageUnavailable

if TYPE_CHECKING:
    from .service import Wiredesk

CheckStatus = Literal["ok", "fixed", "problem"]


@dataclass
class Check:
    """One thing the doctor looked at, what it found, and what it did about it."""

    name: str
    status: CheckStatus
    message: str


@dataclass
class DoctorReport:
    """Every check in the order it ran; ``ok`` when nothing is left broken."""

    index: str
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.status != "problem" for c in self.checks)

    @property
    def fixed(self) -> list[Check]:
        return [c for c in self.checks if c.status == "fixed"]

    def add(self, name: str, status: CheckStatus, message: str) -> None:
        self.checks.append(Check(name, status, message))

    def to_dict(self) -> dict[str, Any]:
        """The ``doctor --json`` document (keys may be added, never removed)."""
        return {"index": self.index, "ok": self.ok, "checks": [asdict(c) for c in self.checks]}

    def lines(self) -> list[str]:
        """Human output: one line per check, then a verdict."""
        mark = {"ok": "ok     ", "fixed": "fixed  ", "problem": "PROBLEM"}
        out = [f"index: {self.index}"]
        out += [f"{mark[c.status]} {c.name}: {c.message}" for c in self.checks]
        fixed = len(self.fixed)
        problems = sum(c.status == "problem" for c in self.checks)
        if problems:
            out.append(f"{problems} problem(s) left" + (f", {fixed} fixed" if fixed else ""))
        else:
            out.append(f"all good ({fixed} fixed)" if fixed else "all good")
        return out


def run_doctor(service: Wiredesk, *, fix: bool = False) -> DoctorReport:
    """Run every check against ``service``'s index; see the module docstring for what is fixed."""
    report = DoctorReport(str(service.db_path))
    if not _check_opens(service, report):
        from .store.triage import triage_path_for

        if triage_path_for(service.db_path).exists():  # checked, never created, while diagnosing
            _check_triage(service, report, index_ids=None)
        return report
    _check_integrity(service, report)
    db = service.index_db  # after _check_integrity: may be a fresh index after a rebuild
    version = db.schema_version()
    if version == SCHEMA_VERSION:
        report.add("schema", "ok", f"version {version}")
    else:  # pragma: no cover - open() migrates, so this means a bug
        report.add("schema", "problem", f"version {version}, expected {SCHEMA_VERSION}")
    if db.fts_consistent():
        report.add("search index", "ok", "full-text index matches the articles")
    else:
        db.rebuild_fts()
        report.add(
            "search index",
            "fixed" if db.fts_consistent() else "problem",
            "full-text index did not match the articles; rebuilt it",
        )
    _check_sources(service, report, fix=fix)
    _check_cache(service, report)
    if db.needs_regroup():
        service.regroup()
        report.add("stories", "fixed", "story grouping was older than the articles; regrouped")
    else:
        report.add("stories", "ok", f"{len(db.stories())} stories, up to date")
    busy, log, done = db.checkpoint()
    if busy:
        report.add("write-ahead log", "ok", f"{done}/{log} pages folded in (another process is reading)")
    else:
        report.add("write-ahead log", "ok", f"checkpointed ({max(done, 0)} pages)")
    _check_triage(service, report, index_ids={a.id for a in db.articles()})
    return report


def _check_opens(service: Wiredesk, report: DoctorReport) -> bool:
    try:
        recovered = service.ensure_open()
    except SchemaTooNew as exc:
        report.add("index", "problem", str(exc))
        return False
    except (IndexUnavailable, IndexCorrupt) as exc:
        report.add("index", "problem", str(exc))
        return False
    if recovered:
        report.add("index", "fixed", recovered)
    else:
        report.add("index", "ok", f"opens ({service.index_db.count()} articles)")
    return True


def _check_integrity(service: Wiredesk, report: DoctorReport) -> None:
    try:
        problems = service.index_db.integrity_problems()
    except sqlite3.DatabaseError as exc:  # a damaged page can make the check itself fail
        problems = [str(exc)]
    if not problems:
        report.add("integrity", "ok", "PRAGMA integrity_check: ok")
        return
    message = service.rebuild(f"integrity check failed: {problems[0]}")
    report.add("integrity", "fixed", message)


def _check_sources(service: Wiredesk, report: DoctorReport, *, fix: bool) -> None:
    db = service.index_db
    paths = {p for p in db.article_paths() if not p.startswith("<")} | set(db.known_files())
    missing = sorted(p for p in paths if not Path(on_disk(p)).exists())
    if not missing:
        report.add("source files", "ok", f"all {len(paths)} source files exist")
    elif fix:
        forgotten = sum(db.forget_file(p) for p in missing)
        if db.needs_regroup():
            service.regroup()
        report.add(
            "source files",
            "fixed",
            f"{len(missing)} source file(s) vanished; forgot their {forgotten} article(s) "
            "(triage state kept)",
        )
    else:
        report.add(
            "source files",
            "problem",
            f"{len(missing)} source file(s) no longer exist (e.g. {missing[0]}); their articles "
            "stay in the index until you run doctor with --fix",
        )
    try:
        roots = service.triage_db.sources()
    except (TriageUnavailable, sqlite3.Error) as exc:
        report.add("recorded sources", "problem", f"cannot read them: {exc}")
        return
    gone = [r for r in roots if not Path(on_disk(r)).exists()]
    if gone:
        report.add(
            "recorded sources",
            "problem",
            f"{len(gone)} of {len(roots)} recorded folder(s)/file(s) are gone (e.g. {gone[0]}); "
            "a rebuild could not re-read them",
        )
    else:
        report.add("recorded sources", "ok", f"{len(roots)} recorded for rebuilds, all present")


def _check_cache(service: Wiredesk, report: DoctorReport) -> None:
    db = service.index_db
    analyses, facts = db.orphaned_cache_rows()
    if analyses or facts:
        dropped = db.drop_orphaned_cache_rows()
        report.add("cache", "fixed", f"dropped {dropped} cached result(s) nothing refers to")
    else:
        report.add("cache", "ok", "no orphaned cached results")


def _check_triage(service: Wiredesk, report: DoctorReport, *, index_ids: set[str] | None) -> None:
    try:
        triage = service.triage_db
        problems = triage.integrity_problems()
        marks = triage.all()
    except (TriageUnavailable, sqlite3.Error) as exc:
        report.add("triage", "problem", f"{exc} (left untouched)")
        return
    if problems:
        report.add("triage", "problem", f"{triage.path}: {problems[0]} (left untouched)")
        return
    detail = f"{len(marks)} article(s) with triage marks"
    if index_ids is not None:
        absent = sum(1 for a in marks if a not in index_ids)
        if absent:
            detail += f"; {absent} refer to articles not in the index now (kept, in case they return)"
    report.add("triage", "ok", detail)
