"""The reader's desk workflow: the triage queue key, the verdict dialog, article trust, the
timeline and the brief export.

A mixin of ``ReaderScreen`` so the reader itself only gains its bindings and two calls.
Every service call runs in a thread worker and reports back with a message; the logic
(what is open, the timeline, the brief) lives in ``core/workflow``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding
from textual.message import Message

from ...core.models import Fact
from ...core.safetext import one_line
from ...core.workflow import queue
from ...core.workflow.verdicts import Verdict
from ..display import outlet_name
from ..widgets import FactsPanel
from .verdict import VerdictChoice, VerdictScreen

if TYPE_CHECKING:
    from ...core.workflow.timeline import Timeline
    from .reader import ReaderScreen

WORKFLOW_BINDINGS = [
    Binding("u", "next_open", "Next open", show=False, id="triage.next_open",
            tooltip="Next open contested fact (no verdict yet), outlet by outlet"),
    Binding("v", "verdict", "Verdict", show=False, id="fact.verdict",
            tooltip="Record a verdict on the selected fact: confirmed / disputed / unverified, with a note"),
    Binding("A", "trust", "Trust", show=False, id="article.trust",
            tooltip="Mark the article trusted, doubtful, or neither"),
    Binding("T", "timeline", "Timeline", show=False, id="story.timeline",
            tooltip="Story timeline: articles by publication time, where figures changed"),
    Binding("E", "export", "Export", show=False, id="story.export",
            tooltip="Export the story's brief (Markdown, every claim cited) to the briefs folder"),
]

_TRUST_CYCLE = {None: "trusted", "trusted": "doubtful", "doubtful": None}


@dataclass
class VerdictsLoaded(Message):
    story: str
    verdicts: dict[str, Verdict]
    trust: dict[str, str]
    saved: str | None = None
    """One line to announce (a verdict or trust mark was just recorded)."""


@dataclass
class TimelineLoaded(Message):
    timeline: Timeline


@dataclass
class BriefWritten(Message):
    path: str
    facts: int = 0
    verdicts: dict[str, Verdict] = field(default_factory=dict)


class WorkflowActions:
    """Mixed into ``ReaderScreen`` (see the module docstring)."""

    verdicts: dict[str, Verdict]
    trust_marks: dict[str, str]
    _verdict_story: str | None
    _queue_at: tuple[str, int] | None

    def _init_workflow(self) -> None:
        self.verdicts, self.trust_marks = {}, {}
        self._verdict_story = None
        self._queue_at = None

    # -- verdicts in the panel and the status line ----------------------------------------

    def open_facts(self: ReaderScreen) -> list[Fact]:  # type: ignore[misc]
        decided = self.verdicts if self._verdict_story == self.story else {}
        return queue.open_facts(self.query_one(FactsPanel).facts or self.facts, decided)

    def story_shown(self: ReaderScreen, story: str) -> None:  # type: ignore[misc]
        """A story's facts are on screen: fetch its verdicts (after the first paint)."""
        if self._verdict_story != story:
            self.verdicts, self.trust_marks, self._queue_at = {}, {}, None
        if self._painted:
            self.load_verdicts(story)
        else:
            self._after_paint.append(lambda: self.load_verdicts(story))

    @work(thread=True, exclusive=True, group="verdicts", exit_on_error=False)
    def load_verdicts(self: ReaderScreen, story: str, saved: str | None = None) -> None:  # type: ignore[misc]
        from ...core.service import NotFound

        service = self.wd.service
        try:
            verdicts = service.verdicts(story)
        except NotFound:
            # The story left the index after it was shown (the file was replaced, or regrouped):
            # nothing failed, and the reload that follows shows what the index holds now.
            return
        self.post_message(VerdictsLoaded(story, verdicts, dict(service.trust(story)), saved))

    def on_verdicts_loaded(self: ReaderScreen, message: VerdictsLoaded) -> None:  # type: ignore[misc]
        if message.saved:
            self.notify(message.saved, markup=False, timeout=3)
        if message.story != self.story:
            return
        self._verdict_story = message.story
        self.verdicts, self.trust_marks = message.verdicts, message.trust
        self.query_one(FactsPanel).set_verdicts(message.verdicts, message.trust)
        self._refresh_status()

    def _refresh_status(self: ReaderScreen) -> None:  # type: ignore[misc]
        """The status line's open-facts count follows the verdicts."""
        self.update_status()

    # -- the queue --------------------------------------------------------------------------

    def action_next_open(self: ReaderScreen) -> None:  # type: ignore[misc]
        panel = self.query_one(FactsPanel)
        open_now = self.open_facts()
        if not open_now:
            self.notify("No open facts: every contested fact has a verdict" if panel.facts
                        else "No facts in this story", timeout=3)
            return
        order = [f.id for f in panel.facts]
        from ..widgets.facts_panel import picks

        open_outlets = {f.id: len(picks(f)) for f in open_now}
        highlighted = panel.highlighted_fact
        here = (highlighted.id, panel.selection.get(highlighted.id, 0)) if highlighted else None
        if here is not None and here != self._queue_at and here[0] in open_outlets:
            stop = queue.Stop(here[0], here[1])  # start the walk where the editor is
        else:
            stop = queue.next_stop(order, open_outlets, self._queue_at or here)
        if stop is None:
            return
        self._queue_at = (stop.fact, stop.outlet)
        if stop.wrapped:
            self.notify("Back to the first open fact", timeout=2)
        panel.show_stop(stop.fact, stop.outlet)

    # -- verdicts ---------------------------------------------------------------------------

    def action_verdict(self: ReaderScreen) -> None:  # type: ignore[misc]
        panel = self.query_one(FactsPanel)
        fact = panel.highlighted_fact
        if fact is None:
            self.notify("No fact selected: open the facts panel with c", timeout=3)
            return
        outlets = {a: outlet_name(art, 18) for a, art in self.articles.items()}
        current = self.verdicts.get(fact.id) if self._verdict_story == self.story else None

        def chosen(choice: VerdictChoice | None) -> None:
            if choice is not None:
                self.save_verdict(fact, choice)

        self.app.push_screen(VerdictScreen(fact, outlets, current), chosen)

    @work(thread=True, group="verdict-save", exit_on_error=False)
    def save_verdict(self: ReaderScreen, fact: Fact, choice: VerdictChoice) -> None:  # type: ignore[misc]
        service = self.wd.service
        if choice.status == "clear":
            service.clear_verdict(fact)
            said = f"Verdict cleared: {one_line(fact.label, 50)}"
        else:
            verdict = service.set_verdict(fact, choice.status, value=choice.value,  # type: ignore[arg-type]
                                          note=choice.note)
            said = f"Verdict: {verdict.status}" + (f" — {one_line(verdict.value, 40)}" if verdict.value else "")
        self.load_verdicts(fact.story, said)

    # -- article trust ----------------------------------------------------------------------

    def action_trust(self: ReaderScreen) -> None:  # type: ignore[misc]
        article = self.target_article()
        if article is None:
            self.notify("No article selected", timeout=2)
            return
        self.cycle_trust(article, self.story)

    @work(thread=True, group="verdict-save", exit_on_error=False)
    def cycle_trust(self: ReaderScreen, article: str, story: str | None) -> None:  # type: ignore[misc]
        service = self.wd.service
        current = service.trust(story).get(article) if story else None
        wanted = _TRUST_CYCLE.get(current)
        found = service.set_trust(article, wanted)  # type: ignore[arg-type]
        name = outlet_name(self.articles[article]) if article in self.articles else article
        said = f"{name}: " + (wanted or "no trust mark")
        if found.story:
            self.load_verdicts(found.story, said)

    # -- timeline and brief -----------------------------------------------------------------

    def action_timeline(self: ReaderScreen) -> None:  # type: ignore[misc]
        if self.story is None:
            self.notify("No story open", timeout=2)
            return
        self.load_timeline(self.story)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_timeline(self: ReaderScreen, story: str) -> None:  # type: ignore[misc]
        self.post_message(TimelineLoaded(self.wd.service.timeline(story)))

    def on_timeline_loaded(self: ReaderScreen, message: TimelineLoaded) -> None:  # type: ignore[misc]
        from .timeline import TimelineScreen, timeline_text

        outlets = {a: outlet_name(art, 30) for a, art in self.articles.items()}
        self.app.push_screen(TimelineScreen(timeline_text(message.timeline, outlets)))

    def action_export(self: ReaderScreen) -> None:  # type: ignore[misc]
        if self.story is None:
            self.notify("No story open", timeout=2)
            return
        self.export_brief(self.story)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export_brief(self: ReaderScreen, story: str) -> None:  # type: ignore[misc]
        from ...core.workflow import brief  # here: the reader's start-up does not need it

        data = self.wd.service.brief_data(story)
        folder = brief.briefs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{data.story.id}.md"
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(brief.markdown(data), encoding="utf-8")
        tmp.replace(target)  # whole or not at all
        self.post_message(BriefWritten(str(target), len(data.facts), data.verdicts))

    def on_brief_written(self: ReaderScreen, message: BriefWritten) -> None:  # type: ignore[misc]
        self.notify(one_line(message.path), title="Brief written", markup=False, timeout=8)
