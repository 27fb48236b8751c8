"""Grouping features extracted ahead on worker processes (``grouping.parallel``): the same
stories, reprints and term counts as the pass extracting them itself, each handed to
``made`` once, and no workers where forking is unsafe or would not pay off."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from wiredesk.core.grouping import group_articles
from wiredesk.core.grouping.parallel import can_fork_workers, features_ahead

from tests.core.test_grouping import QUAKE, VERDICT

_CHILD = """
import json, sys
from wiredesk.core.grouping import group_articles
from wiredesk.core.grouping import parallel
from wiredesk.core.grouping.features import FeatureMaker
from tests.core.test_grouping import QUAKE, VERDICT

articles = [*QUAKE, *VERDICT]
half = {a.id: FeatureMaker()(a) for a in articles[::2]}  # stored for every other article

class Stored:
    def has(self, a):
        return a.id in half
    def __call__(self, a):
        return half.pop(a.id, None)

made = []
parallel.CHUNK = 2  # several tasks, so results arrive from more than one worker
with parallel.features_ahead(articles, Stored(), lambda a, f: made.append((a.id, f == FeatureMaker()(a))),
                             workers=2, minimum=1) as lookup:
    forked = not isinstance(lookup, Stored)
    got = group_articles(articles, lookup, lambda a, f: made.append((a.id, "by the pass")))
plain = group_articles(articles)
print(json.dumps({
    "forked": forked,
    "same_stories": [(s.id, s.articles) for s in got.stories] == [(s.id, s.articles) for s in plain.stories],
    "same_copies": got.copy_of == plain.copy_of,
    "same_terms": list(got.term_df()) == list(plain.term_df()),
    "made": sorted(made),
    "missing": sorted(a.id for a in articles[1::2]),
}))
"""


def test_features_from_workers_group_exactly_like_the_pass_itself() -> None:
    # a fresh process: one thread, so workers may be forked (pytest's own may run threads)
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    out = json.loads(done.stdout)
    assert out["forked"], "the workers were not used"
    assert out["same_stories"] and out["same_copies"] and out["same_terms"]
    # every article without stored features was extracted by a worker, told to ``made`` once
    assert out["made"] == [[aid, True] for aid in out["missing"]]


class _Nothing:
    def has(self, _a: object) -> bool:
        return False

    def __call__(self, _a: object) -> None:
        return None


def test_few_articles_one_core_or_other_threads_mean_no_workers() -> None:
    articles = [*QUAKE, *VERDICT]
    stored = _Nothing()
    with features_ahead(articles, stored, workers=2) as lookup:  # below the minimum
        assert lookup is stored
    with features_ahead(articles, stored, workers=1, minimum=1) as lookup:
        assert lookup is stored
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork_workers()
        with features_ahead(articles, stored, workers=2, minimum=1) as lookup:
            assert lookup is stored
            got = group_articles(articles, lookup)
    finally:
        stop.set()
        other.join()
    assert [s.articles for s in got.stories] == [s.articles for s in group_articles(articles).stories]
