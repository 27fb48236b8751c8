"""Make untrusted article text inert before it reaches a terminal.

Article text, titles, bylines and URLs come from scraped pages. A raw ``ESC`` byte would let
them retitle the window (``ESC ]0;…``), wipe the screen (``ESC [2J``) or hide text; a bidi
override (U+202E) reorders what the reader sees. ``inert`` maps every such character to a
visible stand-in so the text still shows what it contained but can no longer act. Offsets
are preserved (one character in, one character out), so spans computed on the stored body
stay valid on the displayed text.
"""

from __future__ import annotations

# C0 controls become the matching "control picture" (U+2400 block): ESC shows as "␛".
_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x0A, 0x09)}
_TABLE[0x7F] = "\u2421"  # DEL
# C1 controls (0x80-0x9F) include single-byte CSI/OSC/DCS introducers on some terminals.
_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
# Bidi embeddings, overrides and isolates, and the invisible marks that fool matching eyes.
for _c in (
    0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2066, 0x2067, 0x2068, 0x2069, 0x061C,
):
    _TABLE[_c] = "\u2e2e"  # "⸮": visible, harmless
for _c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD):
    _TABLE[_c] = "\u00b7"  # "·": a zero-width character made visible
# Line and paragraph separators would break a terminal line like a newline would.
_TABLE[0x2028] = "\u2424"
_TABLE[0x2029] = "\u2424"


def inert(text: str, *, keep_newlines: bool = True) -> str:
    """Return ``text`` with every control, escape and bidi character shown, not obeyed.

    The result has the same length as ``text``. With ``keep_newlines=False`` newlines and
    tabs are shown as symbols too (for one-line cells such as titles).
    """
    out = text.translate(_TABLE)
    if not keep_newlines:
        out = out.replace("\n", "\u2424").replace("\t", "\u2409")
    return out


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing ``inert`` would change (apart from newlines and tabs)."""
    return inert(text) == text


def one_line(text: str | None, limit: int | None = None) -> str:
    """A single inert line for a table cell: whitespace runs folded, optionally shortened."""
    if not text:
        return ""
    folded = " ".join(inert(text).split())
    if limit is not None and len(folded) > limit:
        folded = folded[: max(limit - 1, 0)] + "…"
    return folded

