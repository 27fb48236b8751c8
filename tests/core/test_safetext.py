"""The one sanitizing function covers every character class a terminal obeys or hides."""

from __future__ import annotations

import json
import os
import unicodedata

from wiredesk.core.safetext import UNSAFE, file_name, for_json, inert, is_clean, on_disk, one_line


def test_every_control_format_separator_and_surrogate_is_replaced() -> None:
    missing = [
        f"U+{c:04X}" for c in range(0x110000)
        if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Cs") and c not in (9, 10) and c not in UNSAFE
    ]
    assert missing == []


def test_inert_keeps_offsets_and_json_keeps_the_value() -> None:
    text = "a\x1b]52;c;x\x07b\u2062c\U000e0041d\udcff\u202e\u180e\ufff9"
    shown = inert(text)
    assert len(shown) == len(text) and is_clean(shown) and not is_clean(text)
    encoded = for_json(json.dumps(text, ensure_ascii=False))
    assert is_clean(encoded) and json.loads(encoded) == text.replace("\udcff", "\\xff")  # as file_name shows it
    encoded.encode("utf-8")


def test_undecodable_file_names_round_trip(tmp_path) -> None:
    raw = os.fsdecode(bytes(tmp_path) + b"/z\xff\x9b.txt")
    with open(raw, "w") as fh:
        fh.write("x")
    shown = file_name(raw)
    assert shown.endswith("z\\xff\\x9b.txt") and is_clean(shown)
    assert on_disk(shown) == raw and os.path.exists(on_disk(shown))
    assert one_line(raw).endswith("z\\xff\\x9b.txt")
    assert file_name("/plain/name.txt") == "/plain/name.txt" == on_disk("/plain/name.txt")


def test_only_web_urls_are_kept() -> None:
    from wiredesk.core.safetext import web_url

    assert web_url(" https://example.com/a?b=1 ") == "https://example.com/a?b=1"
    assert web_url("HTTP://Example.com") == "HTTP://Example.com"
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "ftp://x.org/",
                "http://", "https:///path", "//example.com", "", None, "vbscript:x"):
        assert web_url(bad) is None, bad


def test_front_matter_and_text_urls_are_scheme_checked() -> None:
    from wiredesk.core.ingest import parse_bytes

    for url in ("file:///etc/passwd", "javascript:alert(1)"):
        md = f"---\ntitle: A title\nurl: {url}\n---\n\nThe council met on Monday.\n".encode()
        assert parse_bytes(md, "a.md", "a.md")[0].url is None
    md = b"---\ntitle: A title\nurl: https://example.com/x\n---\n\nThe council met on Monday.\n"
    assert parse_bytes(md, "a.md", "a.md")[0].url == "https://example.com/x"
