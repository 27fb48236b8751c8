"""The service's workflow methods (verdicts, trust, queue data, timeline, brief).

A mixin so ``core/service.py`` only gains a base class: the methods reach the index and the
triage file through the service's own per-thread connections, and the logic lives in the
modules beside this one.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ..models import Article, Fact, Story
from .verdicts import Trust, Verdict, VerdictStatus, VerdictStore

if TYPE_CHECKING:
    from ..service import Wiredesk
    from . import brief, timeline


class WorkflowMixin:
    """Mixed into ``Wiredesk``."""

    _local: threading.local

    @property
    def verdict_db(self: Wiredesk) -> VerdictStore:  # type: ignore[misc]
        """Verdicts live in the triage file, on this thread's triage connection."""
        conn = self.triage_db.conn
        store = getattr(self._local, "verdicts", None)
        if store is None or store.conn is not conn:
            store = self._local.verdicts = VerdictStore(conn)
        return store

    # -- lookups ------------------------------------------------------------------------

    def story(self: Wiredesk, ref: str) -> Story:  # type: ignore[misc]
        """A story by id, unique id prefix, or any of its articles (id, prefix or path)."""
        from ..service import NotFound

        stories = self.stories()
        exact = [s for s in stories if s.id == ref]
        if exact:
            return exact[0]
        prefixed = [s for s in stories if ref and s.id.startswith(ref)]
        if len(prefixed) == 1:
            return prefixed[0]
        if len(prefixed) > 1:
            raise NotFound(f"{ref!r} matches {len(prefixed)} stories; give more of the id")
        try:
            article = self.article(ref)
        except NotFound:
            raise NotFound(f"no story matches {ref!r} (see 'wiredesk list')") from None
        found = next((s for s in stories if s.id == article.story), None)
        if found is None:
            raise NotFound(f"article {article.id} belongs to no story yet")
        return found

    def fact(self: Wiredesk, ref: str) -> Fact:  # type: ignore[misc]
        """A fact by its id or a unique prefix of it, across every story."""
        from ..service import NotFound

        matches: list[Fact] = []
        for story in self.stories():
            for fact in self.facts(story.id):
                if fact.id == ref:
                    return fact
                if ref and fact.id.startswith(ref):
                    matches.append(fact)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFound(f"{ref!r} matches {len(matches)} facts; give more of the id")
        raise NotFound(f"no fact matches {ref!r} (fact ids are in 'wiredesk contested PATH --json')")

    def _hashes(self: Wiredesk, story: str | None = None) -> dict[str, str]:  # type: ignore[misc]
        return {a.id: a.content_hash for a in self.articles(story=story)}

    # -- verdicts -------------------------------------------------------------------------

    def verdicts(self: Wiredesk, story: str) -> dict[str, Verdict]:  # type: ignore[misc]
        """Fact id -> verdict for the story's facts that have one."""
        return self.verdict_db.for_facts(self.facts(story), self._hashes(story))

    def set_verdict(
        self: Wiredesk, fact: Fact | str, status: VerdictStatus, *,  # type: ignore[misc]
        value: str | None = None, note: str | None = None,
    ) -> Verdict:
        """Record the desk's verdict on a fact (see ``verdicts.VerdictStore.set``)."""
        fact = self.fact(fact) if isinstance(fact, str) else fact
        return self.verdict_db.set(fact, self._hashes(fact.story), status, value=value, note=note)

    def clear_verdict(self: Wiredesk, fact: Fact | str) -> bool:  # type: ignore[misc]
        fact = self.fact(fact) if isinstance(fact, str) else fact
        return self.verdict_db.clear(fact, self._hashes(fact.story))

    def trust(self: Wiredesk, story: str | None = None) -> dict[str, Trust]:  # type: ignore[misc]
        """Article id -> trusted / doubtful for judged articles (of one story, or all)."""
        return self.verdict_db.trust(self.articles(story=story))

    def set_trust(self: Wiredesk, ref: str, trust: Trust | None) -> Article:  # type: ignore[misc]
        article = self.article(ref)
        self.verdict_db.set_trust(article, trust)
        return article

    # -- timeline and brief ---------------------------------------------------------------

    # brief and timeline are imported where used: the reader's start-up needs neither.

    def timeline(self: Wiredesk, story: str) -> timeline.Timeline:  # type: ignore[misc]
        from . import timeline

        return timeline.build(story, self.articles(story=story), self.facts(story))

    def brief_data(self: Wiredesk, story: str) -> brief.BriefData:  # type: ignore[misc]
        from . import brief

        found = self.story(story)
        articles = {a.id: a for a in self.articles(story=found.id)}
        facts = self.facts(found.id)
        verdicts = self.verdicts(found.id)
        trust = self.verdict_db.trust(articles.values())
        report = self.annotate_report(self.report([found.id]))
        return brief.BriefData(found, articles, facts, verdicts, trust, report)

    def annotate_report(self: Wiredesk, report: dict[str, Any]) -> dict[str, Any]:  # type: ignore[misc]
        """Add the desk's verdicts and trust marks to a ``contested --json`` document.

        Kept out of ``report()`` itself: code that reads that document back into ``Fact``
        objects (``Fact.from_dict``) takes only the engine's keys."""
        from . import brief

        verdicts: dict[str, Verdict] = {}
        if self.verdict_db.has_verdicts():  # most indexes have none: no per-story work then
            for story in report.get("stories", []):
                verdicts.update(self.verdicts(story["id"]))
        ids = {a["id"] for a in report.get("articles", [])}
        trust = self.verdict_db.trust(a for a in self.articles() if a.id in ids)
        return brief.annotate(report, verdicts, trust)
