"""``Wiredesk``: the one object the CLI and the app talk to.

It ties ingest, the index, story grouping and the claim engine together and hides SQLite.
The app receives an instance (tests hand it one on a temporary index). Every method is
safe to call from a worker thread: each thread gets its own SQLite connection, and WAL mode
lets the app read while an indexer in another process writes.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import ingest, paths
from .ingest import DEFAULT_MAX_BYTES, IngestError
from .ingest.ahead import ParseAhead
from .models import Article, Claim, Fact, Story
from .outlets import OutletAliases, load_aliases
from .safetext import file_name
from .store import FileState, Index, content_hash, summaries
from .store.summaries import StorySummary
from .store.triage import TriageState, TriageStore, triage_path_for
from .workflow.desk import WorkflowMixin

if TYPE_CHECKING:
    from .feedfetch import FeedOutcome
    from .store.feeds import Feed, FeedStore

Progress = Callable[[str, int, int], None]
"""Called as ``progress(source, done, total)`` while indexing."""


class NotFound(LookupError):
    """An article or story reference that matches nothing in the index."""


@dataclass
class IndexReport:
    """What one ``index`` call did; ``errors`` holds one line per input that failed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    moved: int = 0
    removed: int = 0
    files: int = 0
    errors: list[IngestError] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    """Articles this call added (placed into stories incrementally when that is safe)."""
    written: int = 0
    """Files whose articles this call changed (each moves the index's generation once)."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.moved or self.removed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "moved": self.moved, "removed": self.removed, "files": self.files,
            "errors": [{"source": e.source, "reason": e.reason} for e in self.errors],
            "ids": self.ids,
        }


class Wiredesk(WorkflowMixin):
    """The service. ``db_path`` defaults to the platformdirs data dir (or ``WIREDESK_HOME``)."""

    def __init__(
        self, db_path: Path | str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
        outlet_aliases: OutletAliases | None = None,
    ) -> None:
        self.db_path = Path(db_path) if db_path else paths.default_db_path()
        self.max_bytes = max_bytes
        self.outlet_aliases = outlet_aliases if outlet_aliases is not None else load_aliases(paths.config_file())
        """``[outlets]`` of config.toml, applied to every article read (see ``core/outlets.py``)."""
        self._local = threading.local()
        self.recovered: str | None = None
        """One line saying the index was damaged/missing and how it was rebuilt; set when a
        connection is first opened (see ``ensure_open``). The CLI prints it, the app notifies."""

    # -- connections --------------------------------------------------------------------

    @property
    def index_db(self) -> Index:
        """This thread's connection to the index (opened on first use)."""
        db = getattr(self._local, "index", None)
        if db is not None and not db.conn.in_transaction and db.replaced():
            # Another file sits at the path now (moved over, rebuilt by another process,
            # deleted and made again): read that one. Dropped rather than closed, since a
            # caller further up may still hold it; see ``store/replacement.py``.
            self._local.index = db = None
        if db is None:
            # A damaged index is moved aside and rebuilt from the sources recorded in the
            # triage file.
            from .store import recovery

            db, event = recovery.open_index(self.db_path)
            db.outlet_aliases = self.outlet_aliases
            self._local.index = db
            if event is not None and recovery.rebuild(self, event) is not None:
                self.recovered = event.message
        return db

    # -- recovery, rebuild and change detection -----------------------------------------

    def ensure_open(self) -> str | None:
        """Open this thread's index now (recovering it if damaged); return ``recovered``."""
        _ = self.index_db
        return self.recovered

    def data_version(self) -> int:
        """A number that changes whenever articles, stories or grouping change, in any process.

        Cheap (one indexed read): the app polls it every second and refreshes when it moves.
        A file replaced under the connection is opened again (see ``store/replacement.py``);
        one overwritten in place fails the read as damaged and is opened again too (and
        rebuilt if it really is damaged, as on start-up).
        """
        try:
            return self.index_db.data_version()
        except sqlite3.DatabaseError:
            self._local.index = None
            return self.index_db.data_version()

    def rebuild(self, reason: str = "rebuild requested") -> str:
        """Move the current index aside and re-index every recorded source; return one line."""
        from .store import recovery

        self.close()
        with recovery.recovery_lock(self.db_path):
            moved = recovery.quarantine(self.db_path)
            recovery.pending_marker(self.db_path).touch()  # a killed rebuild resumes on next open
            self._local.index = Index(self.db_path)
            self._local.index.outlet_aliases = self.outlet_aliases
        event = recovery.Recovery("corrupt", detail=reason, moved_to=moved)
        recovery.rebuild(self, event)
        self.recovered = event.message
        return event.message

    @property
    def triage_db(self) -> TriageStore:
        db = getattr(self._local, "triage", None)
        if db is None:
            db = self._local.triage = TriageStore(triage_path_for(self.db_path))
        return db

    def close(self) -> None:
        """Close this thread's connections."""
        for name in ("index", "triage"):
            db = getattr(self._local, name, None)
            if db is not None:
                db.close()
                setattr(self._local, name, None)

    # -- indexing -----------------------------------------------------------------------

    def index(
        self,
        inputs: Iterable[str | Path],
        *,
        stdin: bytes | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        regroup: bool = True,
    ) -> IndexReport:
        """Index files and folders (``"-"`` reads ``stdin``), then regroup stories if needed.

        Bad inputs are collected in ``report.errors`` and the rest of the batch goes on;
        each file is stored whole or not at all. ``regroup=False`` leaves story grouping
        to a later ``regroup()`` call (bulk loads that index in several batches).
        """
        report = IndexReport()
        inputs = list(inputs)  # walked twice (sources, then the recorded roots)
        sources: list[Path | IngestError | str] = []
        for item in inputs:
            if str(item) == "-":
                sources.append("-")
            else:
                sources.extend(ingest.iter_sources([item]))
        db = self.index_db
        start_generation = db.generation()
        was_grouped = not db.needs_regroup()
        # Recorded (in the triage file) so a damaged index can be rebuilt from them.
        self.triage_db.record_sources(
            file_name(str(Path(item).resolve())) for item in inputs if str(item) != "-" and Path(item).exists()
        )
        files = [s for s in sources if isinstance(s, Path)]
        # Several files: the next ones are parsed in a thread while this one is written
        # (SQLite runs without the GIL), see ``ingest.ahead``. What is stored is the same.
        ahead = ParseAhead(files, db.file_stamps(), self.max_bytes, content_hash) if len(files) > 1 else None
        position = -1
        try:
            # Each file is stored whole or not at all; files are committed a few dozen at a
            # time (a per-file commit cost more than the writing, see ``Batch``).
            with db.batch() as batch:
                for done, source in enumerate(sources):
                    if cancel is not None and cancel.is_set():
                        break
                    if isinstance(source, IngestError):
                        report.errors.append(source)
                        continue
                    if isinstance(source, Path):
                        position += 1
                    if progress:
                        progress(str(source), done, len(sources))
                    try:
                        self._index_one(db, source, stdin, report, ahead=ahead, position=position)
                    except IngestError as err:
                        report.errors.append(err)
                    batch.tick()
        finally:
            if ahead is not None:
                ahead.close()
        if regroup:
            self._regroup_after(db, report, start_generation, was_grouped)
        return report

    def _regroup_after(self, db: Index, report: IndexReport, start_generation: int, was_grouped: bool) -> None:
        """Bring the stories up to date after a write: place the new articles when that is
        safe, else the full pass (which also redoes a grouping a killed run or another
        indexer left stale)."""
        if not db.needs_regroup():
            return
        placed = False
        if was_grouped and self._incremental_safe(db, report, start_generation):
            placed = self.place(report.new_ids)
        if not placed:
            self.regroup()

    INCREMENTAL_MAX = 200
    """Above this many new articles in one call, one full regroup is cheaper than placing each."""

    def _incremental_safe(self, db: Index, report: IndexReport, start_generation: int) -> bool:
        """Whether this call's changes can be placed into the stories without a full regroup:
        only additions, not too many, not a first load, and no other writer in between."""
        if report.updated or report.moved or report.removed or not report.new_ids:
            return False
        if len(report.new_ids) > self.INCREMENTAL_MAX:
            return False
        if db.generation() - start_generation != report.written:
            return False  # another process wrote meanwhile: its articles need grouping too
        return db.count() >= 2 * len(report.new_ids)

    def place(self, ids: Iterable[str]) -> bool:
        """Place these (new) articles into the stories without regrouping the index: each
        joins the stories it links to by the full pass's rule, or starts its own (see
        ``grouping.incremental``). False when nothing was written (the grouping was stale or
        another writer came in between): then a full ``regroup()`` is due."""
        from .grouping import _order_key
        from .grouping.incremental import (
            NEIGHBOUR_HITS,
            CorpusStats,
            article_terms,
            lookup_keys,
            place_articles,
            query_terms,
        )
        from .grouping.labels import story_id, story_label

        db = self.index_db
        generation = db.generation()
        new = db.articles_by_id(list(ids))
        if not new:
            return False
        by_id = {a.id: a for a in new}
        if not db.has_term_stats():
            return False  # grouped by an older version: one full pass stores the counts
        n_docs = db.count()
        terms = {a.id: article_terms(a) for a in new}
        words = set().union(*terms.values())
        counts = db.grouping_term_counts({k for w in words for k in lookup_keys(w)})
        hits: dict[str, None] = {}
        for a in new:
            taken = 0
            for hit, story in db.related(query_terms(terms[a.id], counts, n_docs), NEIGHBOUR_HITS + len(new)):
                if hit in by_id:
                    continue
                if story is None:
                    return False  # an ungrouped article: the grouping is stale
                hits.setdefault(hit)
                taken += 1
                if taken >= NEIGHBOUR_HITS:
                    break
        neighbours = db.articles_by_id(hits)
        sink = db.feature_sink()  # the new articles' features, kept for the next pass
        placement = place_articles(new, neighbours, CorpusStats(n_docs, db.grouping_term_counts),
                                   db.stored_features([*by_id, *hits]), sink)
        sink.flush()
        stories: list[Story] = []
        dropped: list[str] = []
        copy_of: dict[str, str | None] = {}
        for join in placement.joins:
            members = db.story_members(join.stories)
            if not any(a.title for a in members) and not any(by_id[i].title for i in join.new):
                members = db.story_members(join.stories, full=True)  # the label is an opening line
            group = sorted([*members, *(by_id[i] for i in join.new)], key=_order_key)
            members_ids = [a.id for a in group]
            stories.append(Story(story_id(members_ids), story_label(group), members_ids))
            dropped.extend(join.stories)
            copy_of.update(join.copy_of)
        if not db.place_stories(dropped, stories, copy_of, generation=generation, term_delta=placement.term_delta):
            return False
        return db.ungrouped() == 0

    def _index_one(
        self, db: Index, source: Path | str, stdin: bytes | None, report: IndexReport,
        *, ahead: ParseAhead | None = None, position: int = -1,
    ) -> None:
        report.files += 1
        if source == "-":
            if stdin is not None and len(stdin) > self.max_bytes:
                raise IngestError("<stdin>", f"input is over the {self.max_bytes / (1024 * 1024):g} MB limit "
                                  "(see --max-size)")
            parsed = ingest.parse_bytes(stdin or b"", "<stdin>")
            result = db.store_file("<stdin>", None, parsed)
        else:
            assert isinstance(source, Path)
            # what Path.resolve() returns, without building a Path; a name that is not UTF-8
            # is stored with \xNN escapes (SQLite takes only UTF-8)
            path = file_name(os.path.realpath(source))
            try:
                stat = source.stat()
            except OSError as exc:
                raise IngestError(str(source), exc.strerror or "cannot read") from exc
            known = db.file_state(path)
            if known and known.size == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
                report.unchanged += 1
                return
            taken = ahead.take(position, stat.st_size, stat.st_mtime_ns) if ahead is not None else None
            if taken is None:  # not parsed ahead (or the file changed since)
                parsed = ingest.parse_file(source, max_bytes=self.max_bytes)
                hashes = [content_hash(item) for item in parsed]  # hashed once: store_file reuses them
            else:
                parsed, hashes = taken
            digest = _digest_of(hashes)
            state = FileState(stat.st_size, stat.st_mtime_ns, digest)
            if known and known.file_hash == digest:
                db.touch_file(path, state)
                report.unchanged += 1
                return
            result = db.store_file(path, state, parsed, hashes)
        report.added += result.added
        report.updated += result.updated
        report.unchanged += result.unchanged
        report.moved += result.moved
        report.removed += result.removed
        report.ids.extend(result.ids)
        report.new_ids.extend(result.new_ids)
        if result.added or result.updated or result.moved or result.removed:
            report.written += 1

    def forget(self, path: str | Path) -> int:
        """Drop a source file that is gone and its articles; return how many articles went.
        The stories are regrouped when any did (a story may lose the article that held it
        together)."""
        db = self.index_db
        gone = db.forget_file(os.path.realpath(path))
        if gone and db.needs_regroup():
            self.regroup()
        return gone

    def regroup(self) -> list[Story]:
        """Recompute stories and reprint links over the whole index."""
        from .grouping import group_articles
        from .grouping.parallel import features_ahead

        db = self.index_db
        generation = db.generation()  # read first: a write after it makes this grouping stale
        # Features extracted from text here (articles new since the last pass) are stored as
        # they are made, so the next full pass or placement reads them instead; many of them
        # (a bulk load) are extracted on all cores (``grouping.parallel``).
        sink = db.feature_sink()
        articles = db.articles(full=True, raw=False)
        with features_ahead(articles, db.stored_features(), sink) as lookup:
            grouping = group_articles(articles, lookup, sink)
        sink.flush()
        db.set_stories(grouping.stories, grouping.copy_of, generation=generation, term_df=grouping.term_df())
        return grouping.stories

    # -- feeds --------------------------------------------------------------------------

    @property
    def feed_store(self) -> FeedStore:
        """This thread's feed rows (they live in the index)."""
        from .store.feeds import FeedStore  # here: the reader's start-up never needs it

        db = self.index_db
        store = getattr(self._local, "feeds", None)
        if store is None or store.conn is not db.conn:
            store = self._local.feeds = FeedStore(db.conn)
        return store

    def feeds(self) -> list[Feed]:
        return self.feed_store.all()

    def add_feed(self, url: str, name: str | None = None) -> bool:
        """Follow a feed (``ValueError`` for a URL that is not http(s)); True when new."""
        from .feedfetch import check_url

        name = " ".join(name.split()) if name else None
        return self.feed_store.add(check_url(url), name or None, _now_iso())

    def remove_feed(self, url: str) -> bool:
        """Stop following a feed (its articles stay); False when it was not followed."""
        return self.feed_store.remove(url.strip())

    def fetch(
        self, *, pages: bool = True, force: bool = False, client: Any = None,
        progress: Callable[[FeedOutcome], None] | None = None,
    ) -> list[FeedOutcome]:
        """Fetch every followed feed (see ``core/feedfetch.py``), store the new and changed
        items, then bring the stories up to date. One outcome per feed; never raises for a
        feed that fails. ``force`` ignores back-off."""
        from .feedfetch import download_feed, download_in_order, make_client, store_feed

        db = self.index_db
        start_generation = db.generation()
        was_grouped = not db.needs_regroup()
        report = IndexReport()

        def store(feed: Feed, articles: list[Any]) -> tuple[int, int, list[str]]:
            if not articles:
                return 0, 0, []
            hashes = [content_hash(a) for a in articles]
            result = db.store_file(f"<feed {feed.url}>", None, articles, hashes, keep_missing=True)
            report.added += result.added
            report.updated += result.updated
            report.moved += result.moved
            report.new_ids.extend(result.new_ids)
            if result.added or result.updated or result.moved:
                report.written += 1
            return result.added, result.updated, list(result.new_ids)

        outcomes: list[FeedOutcome] = []
        own = client is None
        client = make_client() if own else client
        feeds = self.feeds()
        # Which items each feed already has, read here (the workers touch no index): an
        # indexed summary-only item gets no second page fetch.
        known = {feed.url: db.sources_at(f"<feed {feed.url}>") for feed in feeds} if pages else {}

        def download(feed: Feed) -> Any:
            return download_feed(client, feed, pages=pages, force=force, known=known.get(feed.url, set()).__contains__)

        try:
            # Feeds are fetched several at a time (``download_in_order``) and stored here in
            # their order, a few dozen per commit as files are (``Index.batch``).
            with db.batch() as batch:
                for got in download_in_order(feeds, download):
                    outcome, updated = store_feed(got, store)
                    self.feed_store.save(updated)
                    outcomes.append(outcome)
                    if progress is not None:
                        progress(outcome)
                    batch.tick()
        finally:
            if own:
                client.close()
        self._regroup_after(db, report, start_generation, was_grouped)
        return outcomes

    # -- reading ------------------------------------------------------------------------

    def articles(self, story: str | None = None) -> list[Article]:
        """Article summaries (no body), newest first."""
        return self.index_db.articles(story=story)

    def article(self, ref: str) -> Article:
        """The full article for an id, a unique id prefix, or its source path."""
        db = self.index_db
        article_id = db.resolve_id(file_name(ref))
        if article_id is None:
            try:
                article_id = db.resolve_id(file_name(str(Path(ref).resolve()))) if ref else None
            except (OSError, ValueError):  # not a path at all (a NUL byte, a name too long)
                article_id = None
        article = db.article(article_id) if article_id else None
        if article is None:
            raise NotFound(f"no article matches {ref!r}")
        return article

    def ids_under(self, inputs: Iterable[str | Path]) -> set[str]:
        """Ids of indexed articles read from these files or from anywhere under these folders
        (``"-"`` means what was read from stdin)."""
        roots = [
            "<stdin>" if str(p) == "-" else file_name(str(Path(p).resolve())) for p in inputs
        ]
        found: set[str] = set()
        for article in self.articles():
            for root in roots:
                if article.path == root or article.path.startswith(root.rstrip("/") + "/"):
                    found.add(article.id)
                    break
        return found

    def search(self, query: str, limit: int = 50) -> list[tuple[Article, str]]:
        return self.index_db.search(query, limit)

    def stories(self) -> list[Story]:
        return self.index_db.stories()

    # -- the claim engine ---------------------------------------------------------------

    def _analyses(self, articles: Iterable[Article]) -> dict[str, Any]:
        """Each article's claims analysis: read from the cache, or computed and cached in
        one transaction for all the articles that lacked one."""
        from . import claims

        db = self.index_db
        found: dict[str, Any] = {}
        fresh: list[tuple[str, str, Any]] = []
        for article in articles:
            cached = db.cached_analysis(article.id, claims.ENGINE_VERSION, article.content_hash)
            if cached is not None:
                found[article.id] = claims.Analysis.from_json(cached)
            else:
                found[article.id] = analysis = claims.analyze(article)
                fresh.append((article.id, article.content_hash, analysis.to_json()))
        if fresh:
            db.cache_analyses(claims.ENGINE_VERSION, fresh)
        return found

    def facts(self, story: str) -> list[Fact]:
        """The story's facts (contested, agreed, single), computed once and cached."""
        from . import facts

        db = self.index_db
        signature = db.story_signature(story)
        if signature is None:
            raise NotFound(f"no story {story!r}")
        engine = self.facts_engine()
        cached = db.cached_facts(story, engine, signature)
        if cached is not None:
            return [facts.fact_from_json(f) for f in cached]
        members = db.articles(full=True, story=story, raw=False)
        with facts.paused_gc():  # engine imports, analyses, comparison: short-lived objects only
            analyses = self._analyses(members)
            result = facts.compare_story(story, members, analyses)
        db.cache_facts(story, engine, signature, [f.to_dict() for f in result])
        return result

    def facts_engine(self) -> str:
        """The key the facts cache is written under (engines and outlet aliases)."""
        from . import claims, facts

        engine = f"{claims.ENGINE_VERSION}/{facts.ENGINE_VERSION}"
        if self.outlet_aliases:  # aliases decide which articles are one source
            engine += f"/outlets:{self.outlet_aliases.fingerprint()}"
        return engine

    # -- story headers (core/store/summaries.py) ------------------------------------------

    def story_summaries(self) -> list[StorySummary]:
        """Every story's size, outlets and latest activity, newest first, without the articles."""
        return summaries.story_summaries(self.index_db)

    def unseen_articles(self, stories: Iterable[Story]) -> set[str]:
        """Articles new since their story's last visit."""
        return summaries.unseen_articles(self.triage_db, stories)

    def cached_contested(self, stories: Iterable[str]) -> dict[str, int]:
        """Contested-fact counts of the stories whose facts are cached (nothing computed)."""
        return summaries.cached_contested(self.index_db, self.facts_engine(), stories)

    def claim_counts(self, story: str) -> dict[str, int]:
        """How many claims each article of ``story`` has (``len(claims(id))``), from the cached
        analyses: the source list's counts without reading every full article and decoding the
        story's facts once per article, as calling ``claims`` for each would. (A sentence only
        the facts engine read a value from is added by ``claims`` and not counted here.)"""
        from . import claims

        db = self.index_db
        cached = db.cached_claim_counts(story, claims.ENGINE_VERSION)  # no analysis decoded
        return {a.id: cached[a.id] if a.id in cached else len(self.claims(a.id)) for a in db.articles(story=story)}

    def claims(self, ref: str) -> list[Claim]:
        """One article's claims with their mentions and the status of the facts they feed."""
        article = self.article(ref)
        claims = list(self._analyses([article])[article.id].claims)
        if article.story is None:
            return claims
        by_span: dict[tuple[int, int], list[Fact]] = {}
        for fact in self.facts(article.story):
            for value in fact.values:
                for ev in value.evidence:
                    if ev.article == article.id:
                        by_span.setdefault((ev.start, ev.end), []).append(fact)
        rank = {"contested": 0, "single": 1, "agreed": 2}
        spans = {(c.start, c.end) for c in claims}
        body = article.body
        for start, end in by_span.keys() - spans:  # a sentence the facts read that the claim reader passed over
            if 0 <= start < end <= len(body):
                claims.append(Claim(start, end, body[start:end]))
        claims.sort(key=lambda c: c.start)
        for claim in claims:
            found = by_span.get((claim.start, claim.end), [])
            if found:
                claim.facts = [f.id for f in found]
                claim.status = min((f.status for f in found), key=rank.__getitem__)
        return claims

    def report(self, story_ids: Iterable[str] | None = None) -> dict[str, Any]:
        """The ``contested --json`` document for some stories (default: all); the CLI adds the
        desk's verdicts with ``annotate_report``."""
        stories = self.stories()
        if story_ids is not None:
            wanted = set(story_ids)
            stories = [s for s in stories if s.id in wanted]
        members = {a for s in stories for a in s.articles}
        articles = [a.summary_dict() for a in self.articles() if a.id in members]
        return {
            "articles": articles,
            "stories": [s.to_dict() for s in stories],
            "facts": [f.to_dict() for s in stories for f in self.facts(s.id)],
        }

    # -- triage -------------------------------------------------------------------------

    def triage(self) -> dict[str, TriageState]:
        return self.triage_db.all()

    def set_triage(self, article: str, flag: str, value: bool) -> TriageState:
        return self.triage_db.set_flag(article, flag, value)

    def dismiss_story(self, story: str, value: bool | None = None) -> dict[str, TriageState]:
        """Dismiss every article of a story (``value`` None: restore them all when all are
        dismissed already, else dismiss them all); each article's new state."""
        members = [a.id for a in self.articles(story=story)]
        if not members:
            raise NotFound(f"no story {story!r}")
        if value is None:
            value = not all(self.triage_db.get(a).dismissed for a in members)
        return self.triage_db.set_flag_many(members, "dismissed", value)

    def toggle_triage(self, article: str, flag: str) -> TriageState:
        current = getattr(self.triage_db.get(article), flag)
        return self.triage_db.set_flag(article, flag, not current)


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest_of(hashes: Iterable[str]) -> str:
    """One hash over a file's articles (from their content hashes): equal when re-reading
    the file changed nothing."""
    h = hashlib.sha256()
    for digest in hashes:
        h.update(digest.encode())
    return h.hexdigest()
