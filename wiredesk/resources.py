"""Where the bundled data folders (the demo seeds, the shipped themes) live.

In a wheel, setuptools installs ``seeds/`` and ``themes/`` as package data inside the
``wiredesk`` package; in an editable checkout they stay at the repository's top level,
beside this package. Looking in both places keeps ``wiredesk --demo`` working either way
without duplicating the files.
"""

from __future__ import annotations

from pathlib import Path


def bundled_dir(name: str) -> Path:
    """Return the bundled folder ``name`` (``"seeds"`` or ``"themes"``).

    Raises FileNotFoundError when the installation is missing it, which only a broken
    install can cause.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"wiredesk installation has no bundled {name!r} folder")
