"""Read every text/background pair off a rendered screen, as the terminal would paint it.

The strips come from the screen's compositor after the app's line filters (so NO_COLOR's
grey conversion is included). ``dim`` is resolved the way terminals do it (the foreground
halfway to the background), ``reverse`` swaps the pair, and in 16-colour mode each colour
is downgraded exactly as Rich does before writing, then looked up in a standard palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.color import Color
from wiredesk.tui.contrast import contrast

DEBUG = False
"""Set by a developer script to see the colours each failing run was painted with."""
SKIP = {chr(c) for c in range(0x2500, 0x25A0)} | {" ", "\xa0"}
"""Box drawing, block elements (borders, scrollbars, the gutter mark's bar) and blanks: not text."""


@dataclass(frozen=True)
class Pair:
    text: str
    fg: Color
    bg: Color
    ratio: float
    row: int


def _colour(colour: RichColor | None, fallback: Color, *, sixteen: bool) -> Color:
    if colour is None or colour.is_default:
        return fallback
    if sixteen:
        colour = colour.downgrade(ColorSystem.STANDARD)
    r, g, b = colour.get_truecolor(DEFAULT_TERMINAL_THEME)
    return Color(r, g, b)


def painted_pairs(app, *, sixteen: bool = False) -> list[Pair]:
    """Every run of visible text on the current screen with its resolved colours."""
    screen = app.screen
    strips = screen._compositor.render_strips()
    default_bg = Color.parse(app.get_css_variables().get("background", "#000000"))
    default_fg = Color.parse(app.get_css_variables().get("foreground", "#ffffff"))
    out: list[Pair] = []
    for row, strip in enumerate(strips):
        for segment in strip:
            text, style = segment.text, segment.style
            if style is None or not (set(text) - SKIP):
                continue
            fg = _colour(style.color, default_fg, sixteen=sixteen)
            bg = _colour(style.bgcolor, default_bg, sixteen=sixteen)
            if style.reverse:
                fg, bg = bg, fg
            if style.dim:
                fg = bg.blend(fg, 0.5)
            label = text + (f" <{style.color} {style.bgcolor}>" if DEBUG else "")
            out.append(Pair(label, fg, bg, contrast(fg, bg), row))
    return out


def failing(pairs: list[Pair], minimum: float = 4.5) -> list[str]:
    """One readable line per failing pair (deduplicated)."""
    seen: dict[tuple[str, str], str] = {}
    for p in pairs:
        if p.ratio < minimum:
            key = (p.fg.hex, p.bg.hex)
            seen.setdefault(key, f"{p.ratio:.2f}:1 {p.fg.hex} on {p.bg.hex} row {p.row}: {p.text.strip()[:120]!r}")
    return list(seen.values())
