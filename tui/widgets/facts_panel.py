"""The facts panel: one row per fact of the open story, each outlet's value beneath it.

A row's selected outlet is marked ``▶``; enter jumps the reading pane to that outlet's
sentence and ``]``/``[`` (screen bindings) cycle the same fact through the other outlets.
Values and labels are engine output derived from article text, so they are shown inert.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.models import Evidence, Fact, FactValue
from ...core.safetext import one_line
from ...core.workflow.verdicts import Verdict
from ..display import STATUS_GLYPHS, VERDICT_GLYPHS
from ..wrapping import hanging
from .line_cursor import LineCursor

FactFilter = Literal["all", "contested", "agreed", "single"]
FILTERS: tuple[FactFilter, ...] = ("all", "contested", "agreed", "single")
_ORDER = {"contested": 0, "single": 1, "agreed": 2}


@dataclass(frozen=True)
class Pick:
    """One outlet's reading of a fact: the value and the sentence it came from."""

    fact: Fact
    value: FactValue
    evidence: Evidence

    @property
    def wording(self) -> str:
        """The value as this outlet wrote it ("more than 165" where the group reads "over
        165"); the group's text when it only adds a resolution ("last night (2024-02-07)")."""
        written = self.evidence.value
        if not written or self.value.value.startswith(written):
            return self.value.value
        return written


def picks(fact: Fact) -> list[Pick]:
    """One (value, evidence) per outlet and value, in value order: what ``]``/``[`` cycle.

    An article that states the same value twice shows once (its first sentence): the
    panel lines up outlets, not repetitions.
    """
    out: list[Pick] = []
    seen: set[tuple[int, str]] = set()
    for i, value in enumerate(fact.values):
        for ev in value.evidence:
            if (i, ev.article) not in seen:
                seen.add((i, ev.article))
                out.append(Pick(fact, value, ev))
    return out


class FactsPanel(LineCursor, OptionList):
    """Facts of one story, filterable by status."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="facts.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facts.up"),
        Binding("g", "first", "First", show=False, id="facts.first"),
        Binding("G", "last", "Last", show=False, id="facts.last"),
        Binding("enter", "select", "Open", show=False, id="facts.open", tooltip="Show this outlet's sentence"),
    ]

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The cursor; a move repaints the two options it touches (``LineCursor``), not the list."""

    class PickChosen(Message):
        """The user chose an outlet's value: the reading pane should show its sentence."""

        def __init__(self, panel: FactsPanel, pick: Pick) -> None:
            super().__init__()
            self.panel = panel
            self.pick = pick

        @property
        def control(self) -> FactsPanel:
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.facts: list[Fact] = []
        self.filter: FactFilter = "all"
        self.new_facts: set[str] = set()
        self.outlets: dict[str, str] = {}
        """article id -> display name, given by the screen (it knows the articles)."""
        self.selection: dict[str, int] = {}
        self.verdicts: dict[str, Verdict] = {}
        """fact id -> the desk's verdict (see ``set_verdicts``)."""
        self.trust: dict[str, str] = {}
        """article id -> trusted / doubtful."""
        self._built_width = 0

    def set_facts(self, facts: list[Fact], outlets: dict[str, str], new_facts: set[str]) -> None:
        self.facts = sorted(facts, key=lambda f: _ORDER.get(f.status, 3))
        self.outlets, self.new_facts = outlets, new_facts
        self.selection = {f.id: self.selection.get(f.id, 0) for f in facts}
        self.rebuild()

    def set_verdicts(self, verdicts: dict[str, Verdict], trust: dict[str, str]) -> None:
        """Show the desk's verdicts and trust marks in the rows."""
        if verdicts != self.verdicts or trust != self.trust:
            self.verdicts, self.trust = verdicts, trust
            self.rebuild()

    def show_stop(self, fact_id: str, outlet: int) -> Pick | None:
        """Highlight ``fact_id`` with its ``outlet``-th value selected and announce the pick
        (the triage queue's step); the filter opens up if it hides the fact."""
        fact = next((f for f in self.facts if f.id == fact_id), None)
        if fact is None:
            return None
        if fact not in self.visible_facts:
            self.filter = "all"
            self.rebuild()
        options = picks(fact)
        if not options:
            return None
        self.selection[fact.id] = outlet % len(options)
        self.replace_option_prompt(fact.id, self._prompt(fact))
        self.highlighted = self.get_option_index(fact.id)
        chosen = options[self.selection[fact.id]]
        self.post_message(self.PickChosen(self, chosen))
        return chosen

    def cycle_filter(self) -> FactFilter:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.rebuild()
        return self.filter

    @property
    def visible_facts(self) -> list[Fact]:
        return [f for f in self.facts if self.filter == "all" or f.status == self.filter]

    @property
    def highlighted_fact(self) -> Fact | None:
        option = self.highlighted_option
        if option is None:
            return None
        return next((f for f in self.facts if f.id == option.id), None)

    def selected_pick(self) -> Pick | None:
        fact = self.highlighted_fact
        if fact is None:
            return None
        options = picks(fact)
        return options[self.selection.get(fact.id, 0) % len(options)] if options else None

    def cycle(self, step: int) -> Pick | None:
        """Select the next/previous outlet of the highlighted fact and announce it."""
        fact = self.highlighted_fact
        if fact is None:
            return None
        options = picks(fact)
        if not options:
            return None
        self.selection[fact.id] = (self.selection.get(fact.id, 0) + step) % len(options)
        self.replace_prompt_in_place(fact.id, self._prompt(fact))
        chosen = options[self.selection[fact.id]]
        self.post_message(self.PickChosen(self, chosen))
        return chosen

    def rebuild(self) -> None:
        self._built_width = self.scrollable_content_region.width
        keep = self.highlighted_option.id if self.highlighted_option else None
        shown = self.visible_facts
        if shown:
            self.set_options(Option(self._prompt(f), id=f.id) for f in shown)
        else:
            empty = ("No facts yet: open a story in the sources (1)." if not self.facts
                     else f"No {self.filter} facts: press f for the next filter.")
            self.set_options([Option(Text(empty, style="italic"), id="-empty", disabled=True)])
        open_count = sum(1 for f in self.facts if f.status == "contested" and f.id not in self.verdicts)
        has_contested = any(f.status == "contested" for f in self.facts)
        self.border_title = f"Facts · {self.filter}" + (f" · {open_count} open" if has_contested else "")
        if keep and any(f.id == keep for f in shown):
            self.highlighted = self.get_option_index(keep)
        elif shown:
            self.highlighted = 0

    def _prompt(self, fact: Fact) -> Text:
        """The fact's label and details, then one row per outlet: names in one column, values
        in the next, wrapped lines indented under their own column (never back to column 0)."""
        width = max(self.scrollable_content_region.width - 2, 24)
        head = Text()
        glyph = STATUS_GLYPHS.get(fact.status, "?")
        head.append(f"{glyph} ", style="bold")
        head.append(one_line(fact.label, 80), style="bold")
        details = [fact.status]
        if fact.conflict:
            details.append(f"{fact.conflict} conflict")
        details.append(f"{fact.sources} source{'s' if fact.sources != 1 else ''}")
        head.append(f"  [{', '.join(details)}]", style="italic")
        if fact.id in self.new_facts:
            head.append(" new", style="bold reverse")
        row = hanging(head, width, 2)
        verdict = self.verdicts.get(fact.id)
        if verdict is not None:
            line = Text()
            line.append(f" {VERDICT_GLYPHS.get(verdict.status, '?')} {verdict.status}", style="bold")
            if verdict.value:
                line.append(": ")
                line.append(one_line(verdict.value, 40), style="bold")
            if verdict.note:
                line.append(f" — {one_line(verdict.note, 50)}", style="italic")
            row.append("\n")
            row.append_text(hanging(line, width, 3))
        chosen = self.selection.get(fact.id, 0)
        options = picks(fact)
        names = [self.outlets.get(p.evidence.article, p.evidence.article[:8]) for p in options]
        name_w = min(max((cell_len(n) for n in names), default=8), max(width // 2 - 3, 8))
        for i, (pick, name) in enumerate(zip(options, names, strict=True)):
            line = Text()
            line.append(" ▶ " if i == chosen else "   ", style="bold")
            shown = name if cell_len(name) <= name_w else name[: name_w - 1] + "…"
            line.append(shown + " " * (name_w - cell_len(shown)))
            line.append("  ")
            line.append(one_line(pick.wording, 60), style="bold")
            if pick.evidence.article in self.trust:
                line.append(f" ({self.trust[pick.evidence.article]})", style="italic")
            row.append("\n")
            row.append_text(hanging(line, width, 3 + name_w + 2))
        return row

    def on_resize(self) -> None:
        if self.facts and self.scrollable_content_region.width != self._built_width:
            self.rebuild()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        pick = self.selected_pick()
        if pick is not None:
            self.post_message(self.PickChosen(self, pick))
