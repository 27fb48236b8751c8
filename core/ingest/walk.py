"""Expand the user's paths into the files to read, in a stable order.

Folders are walked recursively, sorted by name at every level so two runs (and two machines)
see the same order. Hidden entries, caches, version-control folders and files that are
plainly not articles (code, config, images, archives, databases — think of the ``_files``
folder a browser's "Save page as" leaves next to an ``.html``) are skipped in folders; a
file named explicitly is always read, so the user gets a clear error for it instead.

Problems never stop the walk: a symlink loop, a broken link or an unreadable folder or file
is yielded as an ``IngestError`` and the walk goes on.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import IngestError

SKIP_DIRS = frozenset(
    {"__pycache__", "node_modules", ".git", ".hg", ".svn", "venv", ".venv", "__MACOSX", ".tox",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages"}
)
SKIP_SUFFIXES = frozenset(
    """.py .pyc .pyo .pyd .pyi .js .mjs .ts .css .scss .map .json .jsonl .toml .yaml .yml .ini .cfg .conf
    .lock .sh .bat .ps1 .exe .dll .so .dylib .o .a .class .jar .db .sqlite .sqlite3 .db-wal .db-shm
    .wal .shm .log .tmp .swp .swo .bak .orig .part .crdownload .png .jpg .jpeg .gif .webp .svg .ico .bmp
    .tif .tiff .avif .heic .mp3 .mp4 .m4a .wav .ogg .webm .mov .avi .mkv .woff .woff2 .ttf .otf .eot
    .zip .gz .tgz .bz2 .xz .zst .7z .rar .tar .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .epub
    .csv .tsv .parquet .pkl .pickle .npy .whl .egg""".split(),  # noqa: SIM905
)


def _skipped(name: str, is_dir: bool) -> bool:
    if name.startswith(".") or name.endswith("~"):
        return True
    if is_dir:
        return name in SKIP_DIRS or name.endswith(".egg-info")
    return os.path.splitext(name)[1].lower() in SKIP_SUFFIXES


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, PermissionError):
        return "permission denied (unreadable)"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return exc.strerror or type(exc).__name__


def _walk_dir(path: Path, seen: set[tuple[int, int]]) -> Iterator[Path | IngestError]:
    try:
        st = path.stat()
    except OSError as exc:
        yield IngestError(str(path), _reason(exc))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield IngestError(str(path), "symlink loop (folder already visited)")
        return
    seen.add(key)
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(path), _reason(exc))
        seen.discard(key)
        return
    for entry in entries:
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            yield IngestError(str(child), _reason(exc))
            continue
        if _skipped(entry.name, is_dir):
            continue
        if is_dir:
            yield from _walk_dir(child, seen)
        elif is_file:
            yield from _check_file(child)
        elif entry.is_symlink():
            yield from _check_file(child)  # broken or looping link: let stat name the problem
        else:  # a FIFO, socket or device: never read (a FIFO blocks), but named in one line
            yield IngestError(str(child), f"not a regular file ({_special_kind(child)}); skipped")
    seen.discard(key)


def _special_kind(path: Path) -> str:
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return "special file"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _check_file(path: Path) -> Iterator[Path | IngestError]:
    try:
        path.stat()
    except OSError as exc:
        broken = isinstance(exc, FileNotFoundError) and path.is_symlink()
        yield IngestError(str(path), "broken symlink" if broken else _reason(exc))
        return
    if not os.access(path, os.R_OK):
        yield IngestError(str(path), "permission denied (unreadable)")
        return
    yield path


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Yield each readable file under ``paths`` (folders recursively), or an error for it."""
    for p in paths:
        path = Path(p)
        try:
            path.stat()
        except ValueError:  # an embedded NUL byte: no file can have that name
            yield IngestError(str(p), "not a valid file name")
            continue
        except OSError as exc:
            broken = isinstance(exc, FileNotFoundError) and path.is_symlink()
            yield IngestError(str(p), "broken symlink" if broken else _reason(exc))
            continue
        if path.is_dir():
            yield from _walk_dir(path, set())
        else:
            yield from _check_file(path)
