"""Colours the reader computes instead of asking CSS for them: status tints blended against
the pane's real background, and text colours nudged until they reach WCAG 4.5:1.

Why in code: Textual drops the alpha of ``$contested 25%`` in a component class, so the
full colour was painted and the text on it became unreadable (2:1 and worse). Blending
here gives real tints, and ``readable`` guarantees the pair whatever a user's theme says.
In a 16-colour terminal the tints are dropped (a mid-grey tint downgrades to "bright
black", on which white text is 3.9:1): status then shows by glyph, gutter and underline.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color

MIN_CONTRAST = 4.5
TARGET = 5.2
"""What computed pairs aim for: a margin over 4.5 so NO_COLOR's grey conversion (which is
not exactly luminance-preserving) cannot push a pair under the line."""


def luminance(colour: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio between two opaque colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable(fg: Color, bg: Color, target: float = TARGET) -> Color:
    """``fg``, or the nearest blend of it toward black or white that reaches ``target`` on ``bg``."""
    if contrast(fg, bg) >= target:
        return fg
    white, black = Color(255, 255, 255), Color(0, 0, 0)
    pole = white if contrast(white, bg) >= contrast(black, bg) else black
    for step in range(1, 21):
        candidate = fg.blend(pole, step / 20)
        if contrast(candidate, bg) >= target:
            return candidate
    return pole


@dataclass(frozen=True)
class ReaderColours:
    """Every style the reading pane paints, computed for one background."""

    base: Style
    contested: Style
    agreed: Style
    single: Style
    value: Style
    disputed: Style
    focus: Style
    gutter: Style
    caption: Style
    muted: Style
    card: Style
    card_title: Style


TINTS = {"contested": 0.22, "agreed": 0.0, "single": 0.0}
"""How far each status colour is blended into the background (a tint, not a block). Only
contested claims are tinted: agreed and single-source ones carry their glyph (and single
ones italics), which keeps the page calm and each repainted line short over SSH (every
change of background is another escape sequence on the wire)."""


def _rich(colour: Color):
    return colour.rich_color


def _pair(fg: Color, bg: Color, **attrs: bool) -> Style:
    return Style(color=_rich(readable(fg, bg)), bgcolor=_rich(bg), **attrs)


def reader_colours(variables: dict[str, str], background: Color, foreground: Color,
                   *, few_colours: bool = False) -> ReaderColours:
    """The reading pane's styles for a theme's variables over ``background``.

    ``few_colours``: the terminal has 16 colours (or none): no tints, only attributes.
    """

    def var(name: str, fallback: str) -> Color:
        try:
            return Color.parse(variables.get(name, fallback))
        except Exception:
            return Color.parse(fallback)

    bg = background
    fg = readable(foreground, bg)
    status = {name: var(name, default) for name, default in
              (("contested", "#ff5f87"), ("agreed", "#87d787"), ("single", "#ffd75f"))}
    accent = var("accent", "#ffaf5f")
    if few_colours:
        plain = Style(color=_rich(fg), bgcolor=_rich(bg))
        return ReaderColours(
            base=plain, contested=plain + Style(underline=True), agreed=plain, single=plain + Style(italic=True),
            value=plain + Style(bold=True), disputed=plain + Style(bold=True, reverse=True),
            focus=plain + Style(bold=True), gutter=plain + Style(bold=True), caption=plain + Style(italic=True),
            muted=plain, card=plain, card_title=plain + Style(bold=True),
        )
    tint = {name: bg.blend(colour, TINTS[name]) for name, colour in status.items()}
    disputed_bg = bg.blend(status["contested"], 0.45)
    focus_bg = bg.blend(accent, 0.30)
    card_bg = bg.blend(status["contested"], 0.10)
    return ReaderColours(
        base=_pair(fg, bg),
        contested=_pair(fg, tint["contested"]),
        agreed=_pair(fg, tint["agreed"]),
        single=_pair(fg, tint["single"], italic=True),
        value=Style(bold=True),
        disputed=_pair(fg, disputed_bg, bold=True, underline=True),
        focus=_pair(fg, focus_bg, bold=True),
        gutter=_pair(accent, bg, bold=True),
        caption=_pair(fg.blend(bg, 0.25), bg, italic=True),
        muted=_pair(fg.blend(bg, 0.35), bg),
        card=_pair(fg, card_bg),
        card_title=_pair(fg, card_bg, bold=True),
    )
