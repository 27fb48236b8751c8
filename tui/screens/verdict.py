"""The verdict dialog: confirm one of a fact's values, dispute it, or leave it unverified,
with a free-text note.

The note field has the focus first (type, then enter moves to the choices); enter on a
choice records it, esc leaves without changing anything. Values and labels are engine
output derived from article text, so every string is shown inert.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.models import Fact
from ...core.safetext import one_line
from ...core.workflow.verdicts import Verdict


@dataclass(frozen=True)
class VerdictChoice:
    """What the editor chose: ``status`` is confirmed / disputed / unverified, or ``clear``."""

    status: str
    value: str | None
    note: str


def _choices(fact: Fact, outlets: dict[str, str]) -> list[tuple[str, Text]]:
    out: list[tuple[str, Text]] = []
    for i, value in enumerate(fact.values):
        names = ", ".join(dict.fromkeys(outlets.get(a, a[:8]) for a in value.articles))
        text = Text("✓ confirmed: ", style="bold")
        text.append(one_line(value.value, 50), style="bold")
        text.append(f"  ({one_line(names, 40)})", style="dim")
        out.append((f"value-{i}", text))
    out.append(("disputed", Text("✗ disputed: the outlets' values cannot all stand", style="bold")))
    out.append(("unverified", Text("? unverified: not checked yet", style="bold")))
    out.append(("clear", Text("  no verdict (reopen the fact)", style="dim")))
    return out


_HINT_NOTE = "type a note · enter: to the choices · esc: cancel"
_HINT_CHOICES = "↑↓ choose · enter: record this verdict · tab: back to the note · esc: cancel"


class VerdictScreen(ModalScreen[VerdictChoice | None]):
    """Record the desk's verdict on one fact."""

    DEFAULT_CSS = """
    VerdictScreen { align: center middle; }
    #verdict-box { width: 80; max-width: 100%; height: auto; max-height: 100%;
                   border: thick $primary; background: $surface; padding: 0 1; }
    #verdict-choices { height: auto; max-height: 12; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="verdict.cancel", tooltip="Close without recording"),
    ]

    def __init__(self, fact: Fact, outlets: dict[str, str], current: Verdict | None) -> None:
        super().__init__()
        self.fact = fact
        self.outlets = outlets
        self.current = current

    def compose(self):
        title = Text("Verdict · ", style="bold")
        title.append(one_line(self.fact.label, 60), style="bold")
        detail = f"{self.fact.status}" + (f", {self.fact.conflict} conflict" if self.fact.conflict else "")
        title.append(f"  [{detail}]", style="dim")
        with Vertical(id="verdict-box"):
            yield Static(title, markup=False)
            yield Input(self.current.note if self.current else "", placeholder="note (optional)", id="verdict-note")
            yield OptionList(*(Option(t, id=i) for i, t in _choices(self.fact, self.outlets)),
                             id="verdict-choices", markup=False)
            yield Static(Text(_HINT_NOTE, style="dim"), id="verdict-hint", markup=False)

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        current = self.current
        if current is not None:
            wanted = current.status
            if current.status == "confirmed":
                index = next((i for i, v in enumerate(self.fact.values) if v.value == current.value), 0)
                wanted = f"value-{index}"
            choices.highlighted = choices.get_option_index(wanted)
        else:
            choices.highlighted = 0
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(OptionList).focus()

    def on_descendant_focus(self) -> None:
        """The hint says what enter does where the focus now is."""
        hint = _HINT_CHOICES if self.query_one(OptionList).has_focus else _HINT_NOTE
        self.query_one("#verdict-hint", Static).update(Text(hint, style="dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self.query_one(Input).value.strip()
        chosen = event.option.id or ""
        if chosen.startswith("value-"):
            value = self.fact.values[int(chosen.removeprefix("value-"))].value
            self.dismiss(VerdictChoice("confirmed", value, note))
        else:
            self.dismiss(VerdictChoice(chosen, None, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
