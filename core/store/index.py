"""The SQLite index: articles, their source files, stories and cached engine results.

All SQL in wiredesk lives in this package and is parameterized. Every write is one
``BEGIN IMMEDIATE`` transaction, so a killed process leaves the index as it was before the
unit it was writing, and concurrent readers (the app) never see half an article.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..models import Article, ParsedArticle, RemovedLine, Story
from ..outlets import OutletAliases
from .errors import IndexCorrupt, IndexError_, IndexUnavailable, WriteFailed
from .replacement import FileIdentity, file_identity, fresh_version_base
from .schema import Batch, check_not_newer, migrate, transaction

__all__ = [
    "FileState", "Index", "IndexCorrupt", "IndexError_", "IndexUnavailable", "WriteFailed", "WriteResult",
    "content_hash", "is_corruption",
]

_META_COLUMNS = (
    "id, source, path, content_hash, format, title, outlet, byline, published, published_at, "
    "dateline, url, indexed_at, story, copy_of"
)
_TEXT_COLUMNS = _META_COLUMNS + ", body, captions"
_ALL_COLUMNS = _TEXT_COLUMNS + ", raw, removed"


_TERMS_TABLE = "CREATE TABLE IF NOT EXISTS grouping_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID"
"""Created by the first full grouping that stores its term counts (older indexes lack it
and take one full regroup before placing incrementally)."""

_FEATURES_TABLE = (
    "CREATE TABLE IF NOT EXISTS grouping_features ("
    "article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, content_hash TEXT NOT NULL, "
    "version INTEGER NOT NULL, terms TEXT NOT NULL, kinds BLOB NOT NULL, weights BLOB NOT NULL, "
    "sample BLOB NOT NULL)"
)
"""Each article's grouping features (``grouping.features.TermFeatures``), kept so a regroup
or an incremental placement does not read its text again. They are written by the first
grouping that extracts them from the text (``FeatureSink``), not while indexing: a bulk
load groups right after it, and extracting them there costs the same once, while the
indexing threads stay as fast as without them. Created by the first write that stores
them; an article without a row (or with one for other content) is extracted again."""

_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(exc: BaseException) -> bool:
    """True when an sqlite3 error says the file's content is damaged (not locked, not denied)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


@dataclass(frozen=True)
class FileState:
    """What the index knows of a source file, to skip unchanged files cheaply."""

    size: int
    mtime_ns: int
    file_hash: str


@dataclass(frozen=True)
class WriteResult:
    """What storing one file's articles changed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    moved: int = 0
    removed: int = 0
    ids: tuple[str, ...] = ()
    new_ids: tuple[str, ...] = ()
    """Ids of the articles this write added (neither updated nor moved)."""


def content_hash(parsed: ParsedArticle) -> str:
    """Identity of an article's content: same text, same article, wherever the file lives."""
    h = hashlib.sha256()
    h.update(parsed.raw.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


MAX_QUERY_WORDS = 32
"""A search uses at most this many distinct words (FTS5's cost grows faster than linearly
with the number of phrases: a 20,000-word query took minutes). No one types more."""
MAX_WORD_CHARS = 100


def search_words(query: str) -> list[str]:
    """The words a search matches: distinct (case-insensitively), in order, capped."""
    seen: set[str] = set()
    words: list[str] = []
    for word in query.split():
        if not word.strip('"'):
            continue
        word = word[:MAX_WORD_CHARS]
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            words.append(word)
            if len(words) == MAX_QUERY_WORDS:
                break
    return words


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeatureSink:
    """Collects the features a grouping pass extracts from article text and stores them a
    chunk at a time (``Index.store_features``), so the next pass reads them instead.

    They are a cache: a write that fails (a read-only or busy index) is dropped and the
    next grouping extracts those articles again, with the same result."""

    CHUNK = 1000

    def __init__(self, index: Index) -> None:
        self.index = index
        self.rows: list[tuple[str, str, Any]] = []

    def __call__(self, article: Article, features: Any) -> None:
        self.rows.append((article.id, article.content_hash, features))
        if len(self.rows) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        rows, self.rows = self.rows, []
        with suppress(WriteFailed, sqlite3.OperationalError):  # a cache: see the class docstring
            self.index.store_features(rows)


class StoredFeatures:
    """Stored grouping features by article: called with an ``Article``, its ``TermFeatures``
    or None (none stored, or stored for other content or by another version: then it is
    extracted again). Rows are decoded only when asked for (once each: a row is dropped
    when asked for), so holding all of them stays compact."""

    def __init__(self, rows: dict[str, tuple[Any, ...]]) -> None:
        self.rows = rows

    def has(self, article: Article) -> bool:
        """Whether usable features are stored for this article (without taking them)."""
        from ..grouping.features import FEATURES_VERSION

        row = self.rows.get(article.id)
        return row is not None and row[0] == article.content_hash and row[1] == FEATURES_VERSION

    def __call__(self, article: Article) -> Any:
        from ..grouping.features import TermFeatures

        row = self.rows.pop(article.id, None)  # each is asked for once: free it as it goes
        if row is None or row[0] != article.content_hash:
            return None
        return TermFeatures.decode(*row[1:])


BUSY_MS = 30_000
"""How long a connection waits for another process's lock before failing."""


FOLD_TRIES = 4
FOLD_PAUSE = 0.01
"""A cache write tries to empty the log this many times, this many seconds apart: at most
30 ms of a worker thread, against a log left holding the write until the next poll."""

_UNFOLDED: dict[Path, FileIdentity | None] = {}
"""Index files of this process whose log a reader kept from emptying after a write, with the
file's identity then: any connection's next poll folds it while the file is still that one
(the write and the poll run on different threads, each with its own connection)."""


class Index:
    """A connection to one index file. Cheap to open; not shared between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexUnavailable(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from exc
        self.created = False
        """True when this connection created the schema (the file was new or empty)."""
        self.outlet_aliases: OutletAliases = OutletAliases()
        """Applied to every article read (see ``wiredesk.core.outlets``); the service sets it."""
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise IndexUnavailable(f"{self.path}: cannot open the index ({exc})") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            check_not_newer(self.conn, where=str(self.path))  # before any write, even the WAL switch
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.created = migrate(self.conn, where=str(self.path)) == -1
            if self.created:  # a replaced index reads as changed to anyone polling (see replacement)
                self.conn.execute("UPDATE meta SET value = ? WHERE key = 'version'", (fresh_version_base(),))
            self._probe()
        except sqlite3.Error as exc:
            self.conn.close()
            if is_corruption(exc):
                raise IndexCorrupt(f"{self.path}: the index is damaged ({exc})") from exc
            raise IndexUnavailable(f"{self.path}: cannot open the index ({exc})") from exc
        except BaseException:
            self.conn.close()
            raise
        self.identity = file_identity(self.path)
        """Which file this connection opened: compared by ``replaced``."""
        self._features_table = False
        self._fts_pending: set[int] | None = None
        """Rowids of articles whose full-text rows are deferred (see ``_defer_fts``), or None."""

    def replaced(self) -> bool:
        """True when the path now names another file than the one opened (or none at all)."""
        return file_identity(self.path) != self.identity

    def _probe(self) -> None:
        """Touch every table once so a truncated or overwritten file fails here, on open,
        with one clear error, instead of half-way through a command.

        Cheap (a count walks the smallest b-tree of each table); the full
        ``integrity_check`` is left to ``wiredesk doctor``.
        """
        for table in ("files", "articles", "stories", "analyses", "story_facts", "meta"):
            self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        self.conn.execute("SELECT max(rowid) FROM articles").fetchone()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- source files -------------------------------------------------------------------

    def batch(self) -> Batch:
        """Group the writes of a bulk index into few commits (see :class:`Batch`); the
        full-text rows of the articles they add go in once per commit (see ``_defer_fts``)."""
        return Batch(self.conn, on_begin=self._defer_fts, before_commit=self._end_fts_deferral,
                     on_abort=self._drop_fts_deferral)

    # Full-text rows of a batch's new articles are added in one statement per commit, not
    # one per article by the trigger (schema v4): FTS5 writes each insert's terms out as a
    # segment of its own, which cost more than all the rest of the write. While the flag
    # is set (inside the batch's transaction only), ``_fts_pending`` holds the rowids
    # inserted; they are indexed before anything could update or delete them, and before
    # the commit.

    def _defer_fts(self) -> None:
        self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('fts_deferred', 1)")
        self._fts_pending = set()

    def _flush_fts(self) -> None:
        """Index the deferred rows now (still deferring)."""
        pending = self._fts_pending
        if not pending:
            return
        rowids = sorted(pending)
        for start in range(0, len(rowids), 500):
            chunk = rowids[start:start + 500]
            self.conn.execute(
                "INSERT INTO articles_fts(rowid, title, body) SELECT rowid, coalesce(title, ''), body "
                f"FROM articles WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        pending.clear()

    def _end_fts_deferral(self) -> None:
        self._flush_fts()
        self.conn.execute("DELETE FROM meta WHERE key = 'fts_deferred'")
        self._fts_pending = None

    def _drop_fts_deferral(self) -> None:
        self._fts_pending = None  # the rollback takes the rows and the flag with it

    def _flush_fts_before_changing(self, path: str) -> None:
        """Outside any unit's savepoint (a unit rolled back must not take indexed rows of
        earlier units with it): index the deferred rows if ``path`` has articles that the
        next write may update or delete."""
        if self._fts_pending and self.conn.execute(
            "SELECT 1 FROM articles WHERE path = ? LIMIT 1", (path,)
        ).fetchone():
            self._flush_fts()

    def file_state(self, path: str) -> FileState | None:
        row = self.conn.execute(
            "SELECT size, mtime_ns, file_hash FROM files WHERE path = ?", (path,)
        ).fetchone()
        return FileState(row["size"], row["mtime_ns"], row["file_hash"]) if row else None

    def file_stamps(self) -> dict[str, tuple[int, int]]:
        """Every known file's ``(size, mtime_ns)`` by path: one read, to tell ahead of time
        which files of a batch will need parsing."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT path, size, mtime_ns FROM files")}

    def touch_file(self, path: str, state: FileState) -> None:
        """Record new size/mtime for a file whose content did not change."""
        with transaction(self.conn):
            self._record_file(path, state)

    def _record_file(self, path: str, state: FileState) -> None:
        self.conn.execute(
            "INSERT INTO files(path, size, mtime_ns, file_hash) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns, "
            "file_hash=excluded.file_hash",
            (path, state.size, state.mtime_ns, state.file_hash),
        )

    def known_files(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT path FROM files ORDER BY path")]

    def store_file(
        self, path: str, state: FileState | None, parsed: Sequence[ParsedArticle],
        hashes: Sequence[str] | None = None, *, keep_missing: bool = False,
    ) -> WriteResult:
        """Replace everything indexed from ``path`` by ``parsed``, in one transaction.

        Identity follows content: an unchanged article keeps its id, an article whose text
        now lives at another path is moved (its id and triage state follow it), and an
        article that changed in place keeps its id with the new text. ``hashes`` are the
        articles' ``content_hash`` values when the caller already computed them (the
        service does, for the file digest), so each article's text is hashed once.
        ``keep_missing`` keeps articles of ``path`` that ``parsed`` lacks (a feed's old
        items roll off the feed, not out of the news).
        """
        added = updated = unchanged = moved = 0
        ids: list[str] = []
        new_ids: list[str] = []
        digests = list(hashes) if hashes is not None else [content_hash(item) for item in parsed]
        now = _now()  # one timestamp per file: the whole file is written in this one unit
        self._flush_fts_before_changing(path)
        with transaction(self.conn):
            old = {
                r["source"]: (r["id"], r["content_hash"])
                for r in self.conn.execute(
                    "SELECT source, id, content_hash FROM articles WHERE path = ?", (path,)
                )
            }
            for item, digest in zip(parsed, digests, strict=True):
                previous = old.pop(item.source, None)
                if previous and previous[1] == digest:
                    unchanged += 1
                    ids.append(previous[0])
                    continue
                if previous:
                    self._write_article(previous[0], path, digest, item, replace=True, now=now)
                    updated += 1
                    ids.append(previous[0])
                    continue
                moved_id = self._find_moved(digest)
                if moved_id:
                    self.conn.execute(
                        "UPDATE articles SET source = ?, path = ?, indexed_at = ? WHERE id = ?",
                        (item.source, path, now, moved_id),
                    )
                    moved += 1
                    ids.append(moved_id)
                    continue
                new_id = self._new_id(digest, item.source)
                self._write_article(new_id, path, digest, item, replace=False, now=now)
                added += 1
                ids.append(new_id)
                new_ids.append(new_id)
            if keep_missing:
                old = {}
            for _source, (gone_id, _digest) in old.items():
                self.conn.execute("DELETE FROM articles WHERE id = ?", (gone_id,))
            if state is not None:
                self._record_file(path, state)
            if added or updated or moved or old:
                self._bump(articles=True)
        return WriteResult(added, updated, unchanged, moved, len(old), tuple(ids), tuple(new_ids))

    def _ensure_features_table(self) -> None:
        if not self._features_table:
            self.conn.execute(_FEATURES_TABLE)
            self._features_table = True

    def store_features(self, rows: Sequence[tuple[str, str, Any]]) -> None:
        """Keep grouping features: ``(article id, content hash, TermFeatures)`` rows, in one
        transaction (one ``executemany``). A row whose article is gone or now holds other
        content (another process wrote meanwhile) is left out."""
        if not rows:
            return
        with transaction(self.conn):
            self._ensure_features_table()
            self.conn.executemany(
                "INSERT OR REPLACE INTO grouping_features(article_id, content_hash, version, terms, kinds, "
                "weights, sample) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 "
                "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1 AND content_hash = ?2)",
                [(article_id, digest, *features.encode()) for article_id, digest, features in rows],
            )

    def feature_sink(self) -> FeatureSink:
        """A ``made`` callback for grouping that stores the features it extracts (see
        ``FeatureSink``)."""
        return FeatureSink(self)

    def stored_features(self, ids: Iterable[str] | None = None) -> StoredFeatures:
        """The grouping features stored for these articles (all without ``ids``), as a
        function of an ``Article`` (see ``StoredFeatures``)."""
        exists = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grouping_features'"
        ).fetchone()
        rows: dict[str, tuple[Any, ...]] = {}
        if exists:
            sql = "SELECT article_id, content_hash, version, terms, kinds, weights, sample FROM grouping_features"
            if ids is None:
                rows = {r[0]: tuple(r)[1:] for r in self.conn.execute(sql)}
            else:
                wanted = list(dict.fromkeys(ids))
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows.update(
                        (r[0], tuple(r)[1:]) for r in self.conn.execute(f"{sql} WHERE article_id IN ({marks})", chunk)
                    )
        return StoredFeatures(rows)

    def forget_file(self, path: str) -> int:
        """Drop a source file and its articles (the file is gone); return how many articles."""
        self._flush_fts_before_changing(path)
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM articles WHERE path = ?", (path,))
            self.conn.execute("DELETE FROM files WHERE path = ?", (path,))
            if cur.rowcount:
                self._bump(articles=True)
        return cur.rowcount

    def _find_moved(self, digest: str) -> str | None:
        """An article with this content whose source file no longer exists on disk."""
        for row in self.conn.execute(
            "SELECT id, path FROM articles WHERE content_hash = ?", (digest,)
        ):
            if row["path"].startswith("<") or not Path(row["path"]).exists():
                return str(row["id"])
        return None

    def _new_id(self, digest: str, source: str) -> str:
        candidate = digest[:12]
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            # Same text at two live paths: two articles (one will show as a reprint).
            candidate = hashlib.sha256(f"{digest}\0{source}".encode()).hexdigest()[:12]
        return candidate

    def _write_article(
        self, article_id: str, path: str, digest: str, item: ParsedArticle, *, replace: bool, now: str | None = None
    ) -> None:
        values = (
            item.source, path, digest, item.format, item.title, item.outlet, item.byline,
            item.published, item.published_at, item.dateline, item.url, item.body, item.raw,
            json.dumps(item.captions), json.dumps([[r.text, r.reason] for r in item.removed]),
            now or _now(),
        )
        if replace:
            self.conn.execute(
                "UPDATE articles SET source=?, path=?, content_hash=?, format=?, title=?, outlet=?, "
                "byline=?, published=?, published_at=?, dateline=?, url=?, body=?, raw=?, captions=?, "
                "removed=?, indexed_at=? WHERE id=?",
                (*values, article_id),
            )
            self.conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
        else:
            cur = self.conn.execute(
                "INSERT INTO articles(id, source, path, content_hash, format, title, outlet, byline, "
                "published, published_at, dateline, url, body, raw, captions, removed, indexed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, *values),
            )
            if self._fts_pending is not None:
                self._fts_pending.add(cur.lastrowid)

    # -- reading ------------------------------------------------------------------------

    def _article(self, row: sqlite3.Row, *, full: bool) -> Article:
        keys = row.keys() if full else ()
        outlet = row["outlet"]
        if self.outlet_aliases:
            outlet = self.outlet_aliases.resolve(outlet, row["url"])
        return Article(
            id=row["id"], path=row["path"], content_hash=row["content_hash"],
            body=row["body"] if full else "", raw=row["raw"] if "raw" in keys else "",
            format=row["format"], title=row["title"], outlet=outlet, byline=row["byline"],
            published=row["published"], published_at=row["published_at"], dateline=row["dateline"],
            url=row["url"],
            captions=[(int(s), int(e)) for s, e in json.loads(row["captions"])] if full else [],
            removed=[RemovedLine(t, r) for t, r in json.loads(row["removed"])] if "removed" in keys else [],
            indexed_at=row["indexed_at"], story=row["story"], copy_of=row["copy_of"],
        )

    def articles(self, *, full: bool = False, story: str | None = None, raw: bool = True) -> list[Article]:
        """Articles ordered by publication then path. Without ``full`` the body, raw text,
        captions and removed lines are left empty, which keeps listing 10,000 articles fast.
        ``full`` with ``raw=False`` loads the body and captions but not the source text and
        removed lines, which the engine never reads (and which double the memory)."""
        cols = (_ALL_COLUMNS if raw else _TEXT_COLUMNS) if full else _META_COLUMNS
        sql = f"SELECT {cols} FROM articles"
        params: tuple[Any, ...] = ()
        if story is not None:
            sql += " WHERE story = ?"
            params = (story,)
        sql += " ORDER BY coalesce(published_at, published, '') DESC, path"
        return [self._article(r, full=full) for r in self.conn.execute(sql, params)]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def resolve_id(self, ref: str) -> str | None:
        """An article id from a full id, a unique id prefix, or the path it was read from."""
        row = self.conn.execute("SELECT id FROM articles WHERE id = ? OR source = ?", (ref, ref)).fetchone()
        if row:
            return str(row[0])
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
            (ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        rows = self.conn.execute("SELECT id FROM articles WHERE path = ? LIMIT 2", (ref,)).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def sources_at(self, path: str) -> set[str]:
        """The sources of the articles stored from ``path`` (a file, or ``<feed URL>``)."""
        return {r[0] for r in self.conn.execute("SELECT source FROM articles WHERE path = ?", (path,))}

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(f"SELECT {_ALL_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row, full=True) if row else None

    def search(self, query: str, limit: int = 50) -> list[tuple[Article, str]]:
        """Full-text search over titles and bodies; each hit with a short snippet.

        The query is matched as plain words (each quoted), so FTS5 syntax in user input
        cannot raise errors or change the meaning.
        """
        words = search_words(query)
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.conn.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in _META_COLUMNS.split(','))}, "
            "snippet(articles_fts, 1, '\u27e8', '\u27e9', '…', 12) AS snip "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(self._article(r, full=False), r["snip"]) for r in rows]

    # -- stories ------------------------------------------------------------------------

    def set_stories(
        self, stories: Iterable[Story], copy_of: dict[str, str | None], *, generation: int | None = None,
        term_df: Iterable[tuple[str, int]] | None = None,
    ) -> bool:
        """Replace the story grouping and reprint links in one transaction.

        ``generation`` is :meth:`generation` as read *before* the articles the grouping was
        computed from. If articles changed since (another indexer wrote meanwhile), the
        grouping is stale: nothing is written and False is returned. The writer that
        changed them regroups after its own write, so the last grouping always covers the
        last articles. Without ``generation`` the grouping is written unconditionally.
        ``term_df`` (the grouping's term counts) replaces the stored ones, for the
        incremental pass.
        """
        with transaction(self.conn):
            current = self.generation()
            if generation is not None and generation != current:
                return False
            self.conn.execute("DELETE FROM stories")
            want: dict[str, tuple[str | None, str | None]] = {}
            for story in stories:
                signature = hashlib.sha256("\0".join(sorted(story.articles)).encode()).hexdigest()
                self.conn.execute(
                    "INSERT INTO stories(id, label, signature) VALUES (?, ?, ?)",
                    (story.id, story.label, signature),
                )
                for a in story.articles:
                    want[a] = (story.id, copy_of.get(a))
            # Only touch rows whose membership changed: SQLite rewrites a whole row (body
            # and raw text included) on any update, so rewriting all of them made a regroup
            # of 10,000 articles hold the write lock for seconds.
            changes = [
                (*want.get(r[0], (None, None)), r[0])
                for r in self.conn.execute("SELECT id, story, copy_of FROM articles")
                if want.get(r[0], (None, None)) != (r[1], r[2])
            ]
            self.conn.executemany("UPDATE articles SET story = ?, copy_of = ? WHERE id = ?", changes)
            # Cached facts of stories that no longer exist would only ever be orphans.
            self.conn.execute("DELETE FROM story_facts WHERE story NOT IN (SELECT id FROM stories)")
            if term_df is not None:
                self.conn.execute(_TERMS_TABLE)
                self.conn.execute("DELETE FROM grouping_terms")
                self.conn.executemany("INSERT INTO grouping_terms(term, df) VALUES (?, ?)", term_df)
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'grouped'", (current,))
            self._bump(articles=False)
        return True

    def place_stories(
        self, dropped: Iterable[str], stories: Iterable[Story], copy_of: dict[str, str | None], *, generation: int,
        term_delta: dict[str, int] | None = None,
    ) -> bool:
        """Write an incremental placement (see ``grouping.incremental``) in one transaction:
        drop the replaced stories, store the changed ones (every member moves to it) and the
        reprint links in ``copy_of`` (members not in it keep theirs). Refused (False, nothing
        written) when articles changed after ``generation``: a full regroup is due."""
        with transaction(self.conn):
            current = self.generation()
            if generation != current:
                return False
            for story_id in set(dropped):
                self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
                self.conn.execute("DELETE FROM story_facts WHERE story = ?", (story_id,))
            for story in stories:
                signature = hashlib.sha256("\0".join(sorted(story.articles)).encode()).hexdigest()
                self.conn.execute(
                    "INSERT OR REPLACE INTO stories(id, label, signature) VALUES (?, ?, ?)",
                    (story.id, story.label, signature),
                )
                self.conn.executemany(
                    "UPDATE articles SET story = ? WHERE id = ? AND story IS NOT ?",
                    [(story.id, a, story.id) for a in story.articles],
                )
            self.conn.executemany(
                "UPDATE articles SET copy_of = ? WHERE id = ? AND copy_of IS NOT ?",
                [(original, a, original) for a, original in copy_of.items()],
            )
            if term_delta:
                self.conn.executemany(
                    "INSERT INTO grouping_terms(term, df) VALUES (?, ?) "
                    "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                    term_delta.items(),
                )
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'grouped'", (current,))
            self._bump(articles=False)
        return True

    def ungrouped(self) -> int:
        """Articles without a story (a grouping is due)."""
        return int(self.conn.execute("SELECT count(*) FROM articles WHERE story IS NULL").fetchone()[0])

    def articles_by_id(self, ids: Iterable[str]) -> list[Article]:
        """These articles with body and captions (no raw text), for the grouping engine."""
        return self._articles_where("id", list(ids), full=True)

    def story_members(self, stories: Iterable[str], *, full: bool = False) -> list[Article]:
        """Every member of these stories (metadata only unless ``full``: body, no raw text)."""
        return self._articles_where("story", list(stories), full=full)

    def _articles_where(self, column: str, values: list[str], *, full: bool) -> list[Article]:
        """Articles whose ``column`` (id or story) is one of ``values``, 500 bound parameters
        a query (SQLite's limit is far above, but a long IN list plans badly)."""
        cols = _TEXT_COLUMNS if full else _META_COLUMNS
        out: list[Article] = []
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            marks = ",".join("?" * len(chunk))
            out.extend(self._article(r, full=full) for r in self.conn.execute(
                f"SELECT {cols} FROM articles WHERE {column} IN ({marks})", chunk))
        return out

    def has_term_stats(self) -> bool:
        """Whether the last full grouping stored its term counts (older indexes lack them)."""
        return self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grouping_terms'"
        ).fetchone() is not None

    def grouping_term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many indexed articles hold each grouping term (see ``Grouping.term_df``)."""
        terms = list(terms)
        out: dict[str, int] = {}
        for start in range(0, len(terms), 500):
            chunk = terms[start:start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                (r[0], int(r[1]))
                for r in self.conn.execute(f"SELECT term, df FROM grouping_terms WHERE term IN ({marks})", chunk)
            )
        return out

    def related(self, terms: Sequence[str], limit: int) -> list[tuple[str, str | None]]:
        """``(id, story)`` of the articles best matching any of ``terms`` (BM25 rank)."""
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self.conn.execute(
            "SELECT a.id, a.story FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(str(r[0]), r[1]) for r in rows]

    def stories(self) -> list[Story]:
        members: dict[str, list[str]] = {}
        for row in self.conn.execute(
            "SELECT id, story FROM articles WHERE story IS NOT NULL "
            "ORDER BY coalesce(published_at, published, ''), path"
        ):
            members.setdefault(row["story"], []).append(row["id"])
        return [
            Story(r["id"], r["label"], members.get(r["id"], []))
            for r in self.conn.execute("SELECT id, label FROM stories ORDER BY id")
        ]

    def story_signature(self, story: str) -> str | None:
        """Changes whenever the story's membership or any member's content changes."""
        rows = self.conn.execute(
            "SELECT id, content_hash, coalesce(copy_of, '') FROM articles WHERE story = ? ORDER BY id",
            (story,),
        ).fetchall()
        if not rows:
            return None
        return hashlib.sha256("\0".join("|".join(r) for r in rows).encode()).hexdigest()

    # -- cached engine results ----------------------------------------------------------

    def cached_analysis(self, article_id: str, engine: str, digest: str) -> Any | None:
        row = self.conn.execute(
            "SELECT data FROM analyses WHERE article_id = ? AND engine = ? AND content_hash = ?",
            (article_id, engine, digest),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def cached_claim_counts(self, story: str, engine: str) -> dict[str, int]:
        """How many claims the current cached analysis of each article of ``story`` holds,
        counted by SQLite without decoding the analyses (the source list's counts before the
        first paint). Articles without a current analysis are left out."""
        try:
            rows = self.conn.execute(
                "SELECT a.id, json_array_length(an.data, '$.claims') FROM articles a"
                " JOIN analyses an ON an.article_id = a.id AND an.engine = ? AND an.content_hash = a.content_hash"
                " WHERE a.story = ?",
                (engine, story),
            ).fetchall()
        except sqlite3.OperationalError:  # an SQLite built without its JSON functions
            return {}
        return {r[0]: r[1] or 0 for r in rows}

    def cache_analyses(self, engine: str, items: Iterable[tuple[str, str, Any]]) -> None:
        """Store (article_id, content_hash, json-able data) triples in one transaction."""
        with transaction(self.conn):
            self.conn.executemany(
                "INSERT OR REPLACE INTO analyses(article_id, engine, content_hash, data) VALUES (?, ?, ?, ?)",
                [(a, engine, h, json.dumps(d)) for a, h, d in items],
            )
        self._fold_log()

    def cached_facts(self, story: str, engine: str, signature: str) -> Any | None:
        row = self.conn.execute(
            "SELECT data FROM story_facts WHERE story = ? AND engine = ? AND signature = ?",
            (story, engine, signature),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def cache_facts(self, story: str, engine: str, signature: str, data: Any) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO story_facts(story, engine, signature, data) VALUES (?, ?, ?, ?)",
                (story, engine, signature, json.dumps(data)),
            )
        self._fold_log()

    def _fold_log(self, tries: int = FOLD_TRIES) -> None:
        """Fold the write-ahead log into the main file and empty it, when no one is reading.

        A long-lived process (the reader) writes its caches into the log and keeps its
        connections open, so the log outlives the write. If the index is then copied over in
        place, every new connection still reads the old file's pages from that log: the
        reader would never see the new index. Emptied right after each cache write, the log
        holds nothing of the old file. Never waits on a lock: a log kept busy is tried again
        ``tries`` times, FOLD_PAUSE apart (another thread's read of this process lasts
        milliseconds), then left for the next poll.
        """
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            for attempt in range(tries):
                if attempt:
                    time.sleep(FOLD_PAUSE)
                try:
                    row = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                    folded = row is not None and row[0] == 0  # 1: a reader kept the log from emptying
                except sqlite3.OperationalError:
                    folded = False  # locked by another process's writer
                if folded:
                    break
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        # left for the next poll (``data_version``), which retries while the file is still the
        # one this connection wrote: folding into a file copied over it would lay old pages on it
        if folded:
            _UNFOLDED.pop(self.path, None)
        else:
            _UNFOLDED[self.path] = file_identity(self.path)

    # -- change counters ----------------------------------------------------------------

    def _meta(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def _bump(self, *, articles: bool) -> None:
        """Inside a write transaction: record that the shown data (and maybe articles) changed."""
        keys = ("version", "generation") if articles else ("version",)
        self.conn.executemany("UPDATE meta SET value = value + 1 WHERE key = ?", [(k,) for k in keys])

    def generation(self) -> int:
        """Moves whenever articles are added, changed, moved or removed."""
        return self._meta("generation")

    def needs_regroup(self) -> bool:
        """True when articles changed after the last stored grouping (or none was stored)."""
        return self._meta("grouped") != self.generation()

    def data_version(self) -> int:
        """A number that changes whenever anything the reader shows changes, in any process.

        One indexed read: cheap enough to poll every second. Comparable across connections
        and threads (unlike ``PRAGMA data_version``, which is per connection and blind to the
        connection's own writes). A log a reader kept from emptying after a cache write is
        folded here, on the next poll (see ``_fold_log``).
        """
        unfolded = _UNFOLDED.get(self.path)
        if unfolded is not None and unfolded == file_identity(self.path):
            self._fold_log(tries=1)  # the poll runs on the reader's UI thread: never sleeps
        return self._meta("version")

    # -- maintenance (used by ``wiredesk doctor``) ----------------------------------------

    def integrity_problems(self, limit: int = 20) -> list[str]:
        """``PRAGMA integrity_check`` messages; empty when the file is sound."""
        rows = [str(r[0]) for r in self.conn.execute(f"PRAGMA integrity_check({int(limit)})")]
        return [] if rows == ["ok"] else rows

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def fts_consistent(self) -> bool:
        """True when the full-text index matches the articles table exactly."""
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError:
            return False
        return True

    def rebuild_fts(self) -> None:
        """Rebuild the full-text index from the articles table (one transaction)."""
        with transaction(self.conn):
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")

    def checkpoint(self) -> tuple[int, int, int]:
        """Fold the write-ahead log into the main file: ``(busy, wal_pages, checkpointed)``.

        PASSIVE, so it never waits on (or blocks) a reader in another process.
        """
        busy, log, done = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(busy), int(log), int(done)

    def orphaned_cache_rows(self) -> tuple[int, int]:
        """(analyses of missing or changed articles, cached facts of missing stories)."""
        (analyses,) = self.conn.execute(
            "SELECT count(*) FROM analyses WHERE NOT EXISTS (SELECT 1 FROM articles a "
            "WHERE a.id = analyses.article_id AND a.content_hash = analyses.content_hash)"
        ).fetchone()
        (facts,) = self.conn.execute(
            "SELECT count(*) FROM story_facts WHERE story NOT IN (SELECT id FROM stories)"
        ).fetchone()
        return int(analyses), int(facts)

    def drop_orphaned_cache_rows(self) -> int:
        """Delete the rows :meth:`orphaned_cache_rows` counts; return how many went."""
        with transaction(self.conn):
            a = self.conn.execute(
                "DELETE FROM analyses WHERE NOT EXISTS (SELECT 1 FROM articles a "
                "WHERE a.id = analyses.article_id AND a.content_hash = analyses.content_hash)"
            ).rowcount
            f = self.conn.execute(
                "DELETE FROM story_facts WHERE story NOT IN (SELECT id FROM stories)"
            ).rowcount
        return int(a) + int(f)

    def article_paths(self) -> list[str]:
        """Every distinct source path of an indexed article (``<stdin>`` included)."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT path FROM articles ORDER BY path")]
