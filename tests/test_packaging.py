"""The install layout: one import package, every subpackage listed, data shipped, and the
engine importable without the UI."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAPPED = {"core": "wiredesk.core", "tui": "wiredesk.tui", "wiredesk": "wiredesk"}


def test_every_package_dir_is_listed_in_pyproject() -> None:
    """A subpackage missing from the list would be left out of wheels and fail only there."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = set()
    for top, dotted in MAPPED.items():
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / top).parts
            if "__pycache__" not in rel:
                found.add(".".join((dotted, *rel)))
    assert found <= listed, f"not in pyproject packages: {sorted(found - listed)}"


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)


def test_core_never_imports_textual() -> None:
    """The engine must stay usable (and fast to import) without the UI toolkit."""
    modules = sorted(
        "wiredesk.core." + ".".join(p.with_suffix("").relative_to(ROOT / "core").parts).replace(".__init__", "")
        for p in (ROOT / "core").rglob("*.py")
        if "__pycache__" not in p.parts
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported: {result.stdout}"


def test_cli_help_does_not_import_textual() -> None:
    """Scripting commands must not pay the UI's import time."""
    result = _run("import sys\nfrom wiredesk.cli.main import build_parser\nbuild_parser()\n"
                  "print('textual' in sys.modules)")
    assert result.stdout.strip() == "False"


def test_importing_creates_no_files(tmp_path: Path) -> None:
    """Nothing may create folders or databases at import time."""
    home = tmp_path / "home"
    env = {**os.environ, "WIREDESK_HOME": str(home)}
    code = (
        "import importlib, pkgutil, wiredesk\n"
        "for m in ['wiredesk.cli.main', 'wiredesk.core.service', 'wiredesk.tui']:\n"
        "    importlib.import_module(m)\n"
    )
    result = _run(code, env)
    assert result.returncode == 0, result.stderr
    assert not home.exists()


def test_bundled_data_is_found() -> None:
    from wiredesk.resources import bundled_dir

    assert len(list(bundled_dir("seeds").glob("*.txt"))) == 5
    assert list(bundled_dir("themes").glob("*.toml"))


def test_no_seed_event_names_in_core() -> None:
    """Rules must generalize: the engine may not name the demo story's people, places or numbers."""
    banned = ["saadi", "saedi", "baghdad", "kataib", "kata'ib", "mashtal", "rasool", "alawi", "alyawi",
              "khafaji", "centcom", "hezbollah", "168", "165", "150 "]
    hits = []
    for path in (ROOT / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        hits += [f"{path.relative_to(ROOT)}: {word}" for word in banned if word in text]
    assert not hits, hits
