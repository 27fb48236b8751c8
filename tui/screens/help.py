"""The help screen: a legend of the reader's glyphs, then every binding grouped by where it
acts, each key written as you type it (``?`` not ``question_mark``) and listed once, with
the id(s) to remap it by. Scrolls with j/k/g/G."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

LEGEND: tuple[tuple[str, str], ...] = (
    ("▶", "the open article (sources) · the outlet shown (facts, dispute card)"),
    ("•", "unread"),
    ("★", "starred"),
    ("✗", "dismissed"),
    ("new", "arrived since your last visit"),
    ("▣", "photo caption"),
    ("⧉", "copy of another outlet's article (a reprint adds no support)"),
    ("◆", "contested: the outlets give different values"),
    ("✓", "agreed: two or more independent outlets give the same value"),
    ("○", "single source: only one outlet says it"),
    ("▌", "the sentence under the cursor (n/N, enter, ] and [ move it)"),
)

CONTEXTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", ("app.",)),
    ("Panes and views", ("pane.", "view.")),
    ("Moving in a pane (sources, article, facts)", ("sources.down", "sources.up", "sources.first",
                                                    "sources.last", "reader.", "facts.down", "facts.up",
                                                    "facts.first", "facts.last")),
    ("Sources", ("sources.", "triage.", "library.", "article.")),
    ("Article and facts", ("claim.", "fact.", "facts.")),
    ("Search", ("search.",)),
    ("This help", ("help.",)),
    ("Confirm dialog", ("confirm.",)),
    ("Other", ("",)),
)
"""Contexts by binding-id prefix; a binding goes to the first context that matches."""

_KEY_NAMES = {
    "question_mark": "?", "slash": "/", "right_square_bracket": "]", "left_square_bracket": "[",
    "escape": "esc", "enter": "enter", "shift+tab": "shift+tab", "down": "↓", "up": "↑",
    "home": "home", "end": "end", "space": "space", "right": "→", "left": "←",
}


def readable_keys(keys: str) -> str:
    """``escape,q,question_mark`` → ``esc q ?``: keys as they are typed."""
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())


def _context(binding_id: str) -> str:
    for title, prefixes in CONTEXTS:
        if any(binding_id == p or (p.endswith(".") and binding_id.startswith(p)) or p == "" for p in prefixes):
            return title
    return CONTEXTS[-1][0]


def help_text(sections: Iterable[tuple[str, list[tuple[str, Binding]]]]) -> Text:
    """The legend, then one block per context: ``keys  what it does  · id(s)``."""
    # context -> keys -> (descriptions, ids): a key is listed once per context, whatever
    # number of panes bind it (j in the sources, the article and the facts is one row).
    rows: dict[str, dict[str, tuple[list[str], list[str]]]] = {title: {} for title, _ in CONTEXTS}
    for _section, bindings in sections:
        for keys, binding in bindings:
            what = binding.tooltip or binding.description or binding.action
            whats, ids = rows[_context(binding.id or "")].setdefault(readable_keys(keys), ([], []))
            if what not in whats:
                whats.append(what)
            if binding.id and binding.id not in ids:
                ids.append(binding.id)
    out = Text()
    out.append("Legend\n", style="bold underline")
    for glyph, meaning in LEGEND:
        out.append(f"  {glyph:<5}", style="bold")
        out.append(f"{meaning}\n")
    out.append("\n")
    for title, _ in CONTEXTS:
        if not rows[title]:
            continue
        out.append(f"{title}\n", style="bold underline")
        for keys, (whats, ids) in rows[title].items():
            out.append(f"  {keys:<14}", style="bold")
            out.append(" / ".join(whats))
            out.append(f"  · {', '.join(ids)}\n", style="italic")
        out.append("\n")
    out.append("Remap any key in config.toml:  [keymap]  \"claim.next\" = \"n,ctrl+n\"\n", style="italic")
    out.append("Every action is also in the command palette (ctrl+p). j/k/g/G scroll this list; esc closes it.",
               style="italic")
    return out


class HelpScreen(ModalScreen[None]):
    """Lists bindings; esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", key_display="esc q ?", id="help.close",
                tooltip="Close the help"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll the help down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll the help up"),
        Binding("g,home", "top", "Top", show=False, id="help.top", tooltip="Top of the help"),
        Binding("G,end", "bottom", "Bottom", show=False, id="help.bottom", tooltip="Bottom of the help"),
    ]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        with VerticalScroll(id="help-box"):
            yield Static(self.text, id="help-text", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_top(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_end(animate=False)
