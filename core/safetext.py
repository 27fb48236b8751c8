"""Make untrusted text inert before it reaches a terminal: the one sanitizing path.

Article text, titles, bylines, URLs, feed fields, file and folder names and environment
values all come from outside. A raw ``ESC`` byte would let them retitle the window
(``ESC ]0;…``), wipe the screen (``ESC [2J``), write the clipboard (``ESC ]52;…``) or hide
text; a C1 byte (0x9B) is a one-byte CSI on some terminals; a bidi override (U+202E)
reorders what the reader sees; invisible format characters (U+2061–2064, U+180E,
U+206A–206F, U+FFF9–FFFB, the tag characters U+E0000–E007F…) make two strings that look
alike compare different; a lone surrogate (how Python carries an undecodable byte of a
file name) cannot even be encoded to UTF-8 and crashes the write.

Every output path calls one of the functions here (``inert``/``one_line`` for the reader
and CLI tables, ``for_json`` for JSON, ``file_name`` for paths): each maps every such
character to a visible stand-in so the text still shows what it contained but can no longer
act. ``inert`` preserves offsets (one character in, one character out), so spans computed
on the stored body stay valid on the displayed text.

Variation selectors (U+FE00–FE0F) are left alone: emoji need them and a terminal cannot be
made to act by them.
"""

from __future__ import annotations

import re

# C0 controls become the matching "control picture" (U+2400 block): ESC shows as "␛".
_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x0A, 0x09)}
_TABLE[0x7F] = "\u2421"  # DEL
# C1 controls (0x80-0x9F) include single-byte CSI/OSC/DCS introducers on some terminals.
_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})

BIDI_CONTROLS = (
    0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2066, 0x2067, 0x2068, 0x2069, 0x061C,
)
# Every format (Cf) code point of Unicode 15.1, plus the other default-ignorable characters
# that render as nothing (Hangul fillers, the combining grapheme joiner, Mongolian free
# variation selectors) and the whole tag block. Written out rather than
# computed so that importing this module stays instant; a test checks it against
# ``unicodedata`` of the running Python.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE007F),
)
for _lo, _hi in INVISIBLE_RANGES:
    for _c in range(_lo, _hi + 1):
        _TABLE[_c] = "\u00b7"  # "·": an invisible character made visible
for _c in BIDI_CONTROLS:
    _TABLE[_c] = "\u2e2e"  # "⸮": visible, harmless
# Line and paragraph separators would break a terminal line like a newline would.
_TABLE[0x2028] = "\u2424"
_TABLE[0x2029] = "\u2424"
# Lone surrogates: an undecodable byte of a file name, or broken text. Not encodable.
_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})

UNSAFE = frozenset(_TABLE)
"""Every code point ``inert`` replaces (newline and tab aside)."""

_UNSAFE_RANGES = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), *INVISIBLE_RANGES, (0x2028, 0x2029), (0xD800, 0xDFFF))
_lazy: dict[str, object] = {}  # the regex and the JSON table, built on first use (start-up time)


def _unsafe_re() -> re.Pattern[str]:
    found = _lazy.get("re")
    if found is None:
        found = _lazy["re"] = re.compile(
            "[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in _UNSAFE_RANGES) + "]"
        )
    return found  # type: ignore[return-value]


def _json_table() -> dict[int, str]:
    found = _lazy.get("json")
    if found is None:
        table = {c: f"\\u{c:04x}" for c in UNSAFE if c < 0x10000}
        for c in UNSAFE:
            if c >= 0x10000:
                high, low = 0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF)
                table[c] = f"\\u{high:04x}\\u{low:04x}"
        found = _lazy["json"] = table
    return found  # type: ignore[return-value]


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_OTHER_SURROGATE = re.compile("[\ud800-\udfff]")


def inert(text: str, *, keep_newlines: bool = True) -> str:
    """Return ``text`` with every control, escape, bidi and invisible character shown, not obeyed.

    The result has the same length as ``text``. With ``keep_newlines=False`` newlines and
    tabs are shown as symbols too (for one-line cells such as titles).
    """
    out = text.translate(_TABLE)
    if not keep_newlines:
        out = out.replace("\n", "\u2424").replace("\t", "\u2409")
    return out


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing ``inert`` would change (apart from newlines and tabs)."""
    return _unsafe_re().search(text) is None


def one_line(text: str | None, limit: int | None = None) -> str:
    """A single inert line for a table cell: whitespace runs folded, optionally shortened.

    Undecodable file-name bytes show as ``\\xNN`` (see ``file_name``)."""
    if not text:
        return ""
    folded = " ".join(inert(file_name(text)).split())
    if limit is not None and len(folded) > limit:
        folded = folded[: max(limit - 1, 0)] + "…"
    return folded


def for_json(json_text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with every unsafe character
    written as a ``\\uXXXX`` escape: still the same JSON value, but inert on a terminal and
    encodable as UTF-8 (lone surrogates included). An undecodable file-name byte (a lone
    surrogate U+DC80–DCFF) is written as the string ``\\xNN``, as ``file_name`` shows it."""
    if _OTHER_SURROGATE.search(json_text) is not None:
        json_text = _ESCAPED_BYTE.sub(lambda m: f"\\\\x{ord(m.group()) - 0xDC00:02x}", json_text)
    return json_text.translate(_json_table())


def file_name(path: str) -> str:
    """A path as text that can be stored, printed and compared: each byte that was not UTF-8
    (carried by Python as a lone surrogate) becomes ``\\xNN``. Valid names are unchanged.

    ``on_disk`` turns the result back into the name the file system knows.
    """
    if _OTHER_SURROGATE.search(path) is None:
        return path
    path = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", path)
    return _OTHER_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", path)


_BYTE_ESCAPE = re.compile(r"\\x([89a-f][0-9a-f])")


def on_disk(name: str) -> str:
    """The file-system name behind a ``file_name`` result (the inverse for ``\\xNN`` bytes).

    A name that exists as written is returned as it is, so a file really called ``a\\x9b``
    is still found.
    """
    if "\\x" not in name:
        return name
    import os

    if os.path.lexists(name):
        return name
    return _BYTE_ESCAPE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), name)


def web_url(value: str | None) -> str | None:
    """``value`` (stripped) when it is an ``http``/``https`` URL with a host; otherwise None.

    Every URL wiredesk keeps or offers to open passes here, whatever its source (HTML, feed,
    markdown front matter, a text file's "Source:" line): ``file:///etc/passwd``,
    ``javascript:`` and ``data:`` URLs are dropped. What is kept is still shown through
    ``inert`` like any other text.
    """
    if not value:
        return None
    url = value.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > 4096:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return url if host else None
