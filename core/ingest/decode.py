"""Bytes to text: refuse binaries, pick the encoding, normalize newlines and Unicode.

The rules, in order (and why):

1. A byte-order mark decides (UTF-8, UTF-16, UTF-32): the writer told us.
2. Known binary signatures (PNG, JPEG, GIF, PDF, gzip, zip, ...) are refused by name, so the
   user reads "binary file (PDF)" rather than a page of mojibake.
3. BOM-less UTF-16 (every other byte NUL, the rest mostly ASCII) is decoded as UTF-16.
4. NUL bytes: a *few* (at most 1 % of the bytes) are stray corruption in a text file and are
   stripped (the count is reported as a removed line); more than that, or many other control
   bytes, means the file is binary and it is refused.
5. UTF-8 strictly. If that fails, data with more than 1 % control or NUL bytes (random or
   compressed data has about 10 %) or a zlib header is binary. Otherwise, if most non-ASCII
   bytes *are* valid UTF-8 (a scrape with a few legacy bytes pasted in), keep the UTF-8 and
   read only the bad bytes as cp1252.
   Otherwise the file is legacy: cp1252 (the usual Windows encoding), else latin-1.

The text is then normalized to NFC with ``\\n`` newlines. Display characters such as
typographic quotes are kept; odd whitespace is handled later, in the body only, so ``raw``
stays what the file said.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .errors import IngestError

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAX_NUL_RATIO = 0.01
"""Above this share of NUL bytes a BOM-less file is binary, below it the NULs are stripped."""
MAX_CONTROL_RATIO = 0.10
"""Above this share of C0 control bytes (besides tab, newlines, form feed, ESC) a file is binary."""
MAX_LEGACY_CONTROL_RATIO = 0.01
"""Above this share of control and NUL bytes, data that is not UTF-8 is binary."""
_SAMPLE = 65536

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27, 0))
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85\x0b]")


@dataclass
class Decoded:
    """Decoded text and how it was obtained."""

    text: str
    encoding: str
    nuls_stripped: int = 0


def binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or None."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media"
    if data[4:8] == b"ftyp":
        return "MP4 media"
    return None


def _zlib_header(data: bytes) -> bool:
    """A zlib stream's two-byte header (deflate, 32K window, check bits)."""
    return len(data) >= 2 and data[0] == 0x78 and (data[0] << 8 | data[1]) % 31 == 0


def _bomless_utf16(sample: bytes) -> str | None:
    """Detect UTF-16 without a BOM: NULs in every other byte of mostly-ASCII text."""
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
        if len(sample) < 4:
            return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _finish(text: str) -> str:
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text or "\x0b" in text:
        text = _NEWLINES.sub("\n", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def decode(data: bytes, source: str) -> Decoded:
    """Decode ``data`` following the module rules, or raise ``IngestError``."""
    if not data:
        raise IngestError(source, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"invalid {enc.upper()} text after its byte-order mark") from exc
            return Decoded(_finish(text.replace("\x00", "")), enc)
    kind = binary_kind(data)
    if kind:
        raise IngestError(source, f"binary file ({kind}), not an article")
    sample = data[:_SAMPLE]
    nul = sample.count(0)
    if nul:
        enc16 = _bomless_utf16(sample)
        if enc16:
            try:
                return Decoded(_finish(data.decode(enc16)), enc16)
            except UnicodeDecodeError:
                pass
        total_nul = data.count(0) if len(data) > _SAMPLE else nul
        if total_nul > MAX_NUL_RATIO * len(data) or nul > MAX_NUL_RATIO * len(sample) + 8:
            raise IngestError(source, "binary file (contains NUL bytes), not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise IngestError(source, "binary file (mostly control bytes), not text")
    stripped = 0
    if nul:
        stripped = data.count(0)
        data = data.replace(b"\x00", b"")
    try:
        return Decoded(_finish(data.decode("utf-8")), "utf-8", stripped)
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Legacy text (cp1252, latin-1, even all-high-byte cp1251) has next to no
    # control bytes; random and compressed data have one in ten. A zlib stream is named.
    if controls + nul > MAX_LEGACY_CONTROL_RATIO * len(sample) or _zlib_header(data):
        raise IngestError(source, "binary file (compressed or random bytes), not text")
    # Mostly UTF-8 with a few legacy bytes (pasted text, concatenated scrapes): keep the UTF-8
    # and read only the bad bytes as cp1252. Mostly invalid: the whole file is legacy.
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    if bad * 2 < non_ascii:
        return Decoded(_finish(escaped.translate(_LEGACY_TABLE)), "utf-8+cp1252", stripped)
    try:
        return Decoded(_finish(data.decode("cp1252")), "cp1252", stripped)
    except UnicodeDecodeError:
        return Decoded(_finish(data.decode("latin-1")), "latin-1", stripped)


_HIGH_BYTES = bytes(range(128, 256))
_ESCAPED = re.compile("[\udc80-\udcff]")
_LEGACY_TABLE = {
    0xDC00 + b: (bytes([b]).decode("cp1252", errors="ignore") or chr(b)) for b in range(128, 256)
}
"""Maps a surrogate-escaped bad byte to what the byte means in cp1252 (latin-1 where undefined)."""
