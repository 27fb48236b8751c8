"""Grouping features of many articles extracted on several processes at once.

A full regroup of articles that have no stored features (a first bulk load: 10,000
articles) spends most of its time in ``article_features``, pure Python that one process
runs on one core. That work is per article and independent, so ``features_ahead`` hands
the articles lacking features to a pool of worker processes and serves their results, in
the order the grouping pass asks for them, as if they had been stored. The features are
the same as the pass would extract itself (``article_features`` of the same text; the
memo only caches), so the stories and reprints are too.

Threads would not help (the GIL). Workers are forked: they inherit the articles (nothing
to send but index ranges) and import nothing, and a spawned worker would re-run the
caller's main script, which a library must not ask of its callers. Forking a process
that runs other threads can copy a lock some thread holds, so it happens only while this
is the process's one thread (the command line's ``index``, a benchmark); the reader, with
threads of its own, extracts in its pass as before. Below ``PARALLEL_MIN`` missing
articles, or on one core, nothing changes either: starting workers would cost more than
it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, Protocol

from ..models import Article
from .features import FeatureMaker, Made, TermFeatures, article_features, published_date

PARALLEL_MIN = 1000
"""Fewer articles to extract than this are extracted by the grouping pass itself."""
CHUNK = 50
"""Articles per task: large enough that the pickling is small next to the work."""

_memo: FeatureMaker | None = None
_shared: list[tuple[str | None, str, date | None]] = []
"""The articles to extract, set before the workers fork (so they inherit it)."""


class Stored(Protocol):
    """Stored features (``Index.stored_features``): called with an article, its features
    or None; ``has`` says whether it has them, without taking them."""

    def __call__(self, article: Article) -> TermFeatures | None: ...

    def has(self, article: Article) -> bool: ...


def workers_available() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork_workers() -> bool:
    """Whether worker processes may be forked here: Linux, and no other thread running."""
    import sys
    import threading
    from multiprocessing import get_all_start_methods

    return sys.platform == "linux" and "fork" in get_all_start_methods() and threading.active_count() == 1


def _extract_range(span: tuple[int, int]) -> list[tuple[Any, ...]]:
    """In a worker: the encoded features of ``_shared[start:end]``."""
    global _memo
    if _memo is None:
        _memo = FeatureMaker()
    out = []
    for title, body, published in _shared[span[0]:span[1]]:
        _memo.memo.trim()
        out.append(article_features(title, body, published, _memo.memo).encode())
    return out


@contextmanager
def features_ahead(
    articles: Sequence[Article], stored: Stored, made: Made | None = None, *,
    workers: int | None = None, minimum: int = PARALLEL_MIN,
) -> Iterator[Callable[[Article], TermFeatures | None]]:
    """A features lookup for ``group_articles(articles, lookup, made)``: ``stored``'s, and for
    the articles it lacks, features extracted ahead on ``workers`` processes (handed to
    ``made`` as the pass would). Yields ``stored`` itself when that would not pay off."""
    workers = workers_available() if workers is None else workers
    from . import _order_key

    missing = [a for a in sorted(articles, key=_order_key) if not stored.has(a)]
    if workers < 2 or len(missing) < minimum or not can_fork_workers():
        yield stored
        return
    from multiprocessing import get_context

    global _shared
    _shared = [(a.title, a.body, published_date(a)) for a in missing]
    spans = [(start, min(start + CHUNK, len(missing))) for start in range(0, len(missing), CHUNK)]
    try:
        pool = get_context("fork").Pool(min(workers, len(spans)))
    finally:
        _shared = []  # the workers have their copy
    try:
        results = (enc for chunk in pool.imap(_extract_range, spans) for enc in chunk)
        pending = iter(missing)
        ready: dict[str, TermFeatures | None] = {}

        def lookup(article: Article) -> TermFeatures | None:
            found = stored(article)
            if found is not None:
                return found
            while article.id not in ready:
                nxt = next(pending, None)
                if nxt is None:
                    return None  # not one of the missing: the pass extracts it itself
                features = TermFeatures.decode(*next(results))
                if features is not None and made is not None:
                    made(nxt, features)
                ready[nxt.id] = features
            return ready.pop(article.id)

        yield lookup
    finally:
        pool.terminate()
        pool.join()
