"""``wiredesk --help`` and ``wiredesk list`` must not pay for Textual: only ``run_reader``
imports it. Checked in a fresh interpreter, as the CLI would be started."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", [
    "wiredesk.tui",
    "wiredesk.tui.display",
    "wiredesk.tui.keymap",
    "wiredesk.cli.main",
])
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"


def test_reader_module_does_import_textual() -> None:
    code = "import sys, wiredesk.tui.app; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "True"
