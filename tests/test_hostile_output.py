"""Every command, human and ``--json``, over hostile article text, file names and folder names:
no control, escape, bidi, invisible or unencodable character is ever written raw.

The hostile text carries OSC 0 (window title), OSC 8 (hyperlink), OSC 52 (clipboard), CSI,
DCS, C1 bytes, bidi overrides, every format (Cf) code point Python knows, line/paragraph
separators and a lone surrogate from a file name that is not UTF-8. What counts as unsafe is
computed here from ``unicodedata``, independently of ``wiredesk.core.safetext``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from wiredesk.cli.main import main

ESCAPES = (
    "\x1b]0;pwned\x07"  # OSC 0: retitle the window
    "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: write "rm -rf ~" to the clipboard
    "\x1b[2J\x1b[31m"  # CSI: clear the screen, colour
    "\x1bP1$r\x1b\\"  # DCS
    "\x9b2J\x9d0;c1\x9c\x85"  # C1 controls (single-byte CSI and OSC)
    "\u202eevil\u202c\u2066x\u2069\u200f\u061c"  # bidi
    "\u2028\u2029\x7f\x00\x08"
)


@cache
def _invisible() -> str:
    return "".join(
        chr(c) for c in range(0x110000)
        if unicodedata.category(chr(c)) == "Cf" or c in (0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F)
    )


def _unsafe_chars(text: str) -> list[str]:
    """Every character of ``text`` a terminal would act on, hide or fail to encode."""
    return sorted({
        ch for ch in text
        if ch not in "\n\t" and (
            unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")
            or ch in "\u115f\u1160\u3164\uffa0\u034f"
        )
    })


def assert_inert(text: str, what: object) -> None:
    bad = _unsafe_chars(text)
    assert not bad, f"{what}: raw {[f'U+{ord(c):04X}' for c in bad][:12]} written"
    text.encode("utf-8")  # strict: a lone surrogate would fail here


def _hostile_tree(root: Path) -> tuple[Path, list[Path]]:
    """A folder with a hostile name holding hostile articles under hostile (and non-UTF-8) names."""
    folder = root / f"in\x1b]0;dir\x07\u202e{_invisible()[:40]}"
    folder.mkdir(parents=True)
    invisible = _invisible()
    body = (
        f"The mayor said the {ESCAPES} bridge would reopen on Monday, officials said.\n\n"
        f"More than 40 people {invisible} were hurt, the police said {ESCAPES}.\n\n"
        "The council said 12 buildings were damaged in the storm on Sunday.\n"
    )
    files = []
    for name, title in (
        (f"a\x1b[2J\u202e{invisible[:30]}.txt", f"Storm {ESCAPES} hits the city"),
        (os.fsdecode(b"b\xff\x9b\x1b.txt"), f"Storm {ESCAPES} hits the city {invisible[40:120]}"),
    ):
        path = folder / name
        path.write_text(f"{title}\n\n{body}", encoding="utf-8", errors="surrogateescape")
        files.append(path)
    (folder / "c.md").write_text(
        f"---\ntitle: Storm {ESCAPES}\nauthor: {ESCAPES}\nsource: {invisible[120:]}\n"
        f"url: https://example.com/{ESCAPES}\n---\n\n{body}",
        encoding="utf-8",
    )
    (folder / "d.html").write_text(
        f"<html><head><title>Storm {ESCAPES}</title><meta name='author' content='{ESCAPES}'>"
        f"<meta property='og:site_name' content='{ESCAPES}'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</article></body></html>",
        encoding="utf-8",
    )
    os.symlink("/nonexistent", folder / os.fsdecode(b"broken\x9b\xff.txt"))
    return folder, files


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Path]]:
    home = tmp_path / os.fsdecode(b"home\x1b]0;h\x07\xff\x9b")
    monkeypatch.setenv("WIREDESK_HOME", str(home))
    return _hostile_tree(tmp_path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_writes_only_inert_text(
    capsys: pytest.CaptureFixture[str], hostile: tuple[Path, list[Path]]
) -> None:
    folder, files = hostile
    outputs: dict[str, str] = {}
    for json_flag in ([], ["--json"]):
        code, out, err = _run(capsys, "index", str(folder), *json_flag)
        assert code == 1  # the broken link fails, one line; the rest is indexed
        outputs[f"index {json_flag}"] = out + err
    listing = json.loads(_run(capsys, "list", "--json")[1])["articles"]
    assert len(listing) == 4, listing
    ids = [a["id"] for a in listing]
    assert any("\\xff\\x9b" in a["path"] for a in listing)  # the undecodable bytes, shown escaped
    argvs = [
        ["list"], ["list", "--json"], ["search", "mayor"], ["search", "mayor", "--json"],
        ["contested", str(folder)], ["contested", str(folder), "--all"],
        ["contested", str(folder), "--json"], ["locate"], ["locate", "--json"],
        ["doctor"], ["doctor", "--json"], ["show", str(files[1])],
        ["show", f"nothing\x1b]0;x\x07{ESCAPES}"], ["index", str(folder / f"missing{ESCAPES}")],
    ]
    story_ids = [s["id"] for s in json.loads(_run(capsys, "contested", str(folder), "--json")[1])["stories"]]
    for story_id in story_ids:  # the desk workflow's commands print the same article text
        argvs += [["timeline", story_id], ["timeline", story_id, "--json"],
                  ["export", story_id, "--format", "md", "-o", "-"], ["export", story_id, "--format", "csv", "-o", "-"]]
    argvs += [["feed", "add", f"https://example.invalid/{ESCAPES}", "--name", f"Feed{ESCAPES}"], ["feed", "list"],
              ["feed", "list", "--json"], ["verdict", f"nothing{ESCAPES}", "--status", "disputed"]]
    for article_id in ids:
        argvs += [["show", article_id], ["show", article_id, "--json", "--raw"], ["show", article_id, "--raw"],
                  ["claims", article_id], ["claims", article_id, "--json"]]
    for argv in argvs:
        code, out, err = _run(capsys, *argv)
        assert "Traceback" not in err and "internal error" not in err, (argv, err)
        outputs[" ".join(argv)] = out + err
        if "--json" in argv and code == 0:
            json.loads(out)
    for what, text in outputs.items():
        assert_inert(text, what)
    stories = json.loads(_run(capsys, "contested", str(folder), "--json")[1])["stories"]
    assert stories and any("\x1b" in s["label"] or "\u202e" in s["label"] for s in stories)  # data kept
    table = outputs[f"contested {folder}"]
    assert "␛]0;pwned␇" in table  # the label is in the table title, shown, not obeyed


@pytest.mark.parametrize("argv", [["index", "{folder}", "--json"], ["locate", "--json"], ["list"]])
def test_strict_utf8_stdout_gets_every_document(
    argv: list[str], hostile: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """A pipe with strict UTF-8 (no surrogateescape) still receives the whole output."""
    folder, _ = hostile
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    subprocess.run([sys.executable, "-m", "wiredesk", "index", str(folder)], env=env, capture_output=True,
                   check=False)
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", *(a.format(folder=folder) for a in argv)],
        env=env, capture_output=True, check=False,
    )
    out = result.stdout.decode("utf-8")  # strict
    err = result.stderr.decode("utf-8")
    assert "internal error" not in err, err
    assert_inert(out + err, argv)
    if "--json" in argv:
        data = json.loads(out)
        assert "\\x9b" in json.dumps(data)  # the home's undecodable bytes, written as \xNN
    else:
        assert out.strip()
