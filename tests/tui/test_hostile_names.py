"""The reader indexing a folder whose file names carry escapes, bidi controls and bytes that
are not UTF-8: the batch completes (no "indexing 7/7…" left on screen), the names are shown
escaped and inert, and the failures are one notification."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from screen_text import screen_text
from tui_support import note_catcher, settle
from wiredesk.core.service import Wiredesk
from wiredesk.tui.widgets import SourceList

from wiredesk.resources import bundled_dir

NoteCatcher = note_catcher()


def _unsafe(text: str) -> list[str]:
    return [c for c in text if c not in "\n\t" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs")]


async def test_hostile_file_names_index_and_show_inert(tmp_path: Path, clock) -> None:
    folder = tmp_path / "in\x1b]0;dir\x07"
    folder.mkdir()
    seeds = sorted(bundled_dir("seeds").glob("*.txt"))
    for seed, raw in zip(seeds, [b"z\xff.txt", b"a\x1b[2J\xe2\x80\xae.txt", b"ok.txt"], strict=False):
        (folder / os.fsdecode(raw)).write_bytes(seed.read_bytes())
    os.symlink("/nonexistent", folder / os.fsdecode(b"broken\x9b.txt"))
    service = Wiredesk(tmp_path / "index.sqlite3")
    app = NoteCatcher(service, [str(folder)], clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, rounds=8)
        text = screen_text(app)
        assert "indexing" not in text.lower()
        assert _unsafe(text) == [] and all(_unsafe(n) == [] for n in app.notes)
        assert any("broken\\x9b.txt" in n for n in app.notes)  # the failure, named escaped
        assert len(service.articles()) == 3
        assert not any("internal error" in n or "Error" in n for n in app.notes)
        assert app.screen.query_one(SourceList) is not None
