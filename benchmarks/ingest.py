"""Ingest benchmark: index a synthetic corpus, re-index it unchanged, list it, and report
throughput and peak memory against the targets in issue 2.

    python benchmarks/ingest.py            # 10,000 articles (~43 MB)
    python benchmarks/ingest.py --n 2000
    python benchmarks/ingest.py --quick    # 300 articles, a smoke run

Every stage runs in its own process (peak memory is that stage's own). Figures:
ingest+index throughput (MB/s, articles/s, grouping excluded and included), re-index of
the unchanged corpus, ``wiredesk list --json`` through the real CLI, peak memory.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus
from harness import Report, child_env, python_child, run_child

INGEST_MBS = 5.0
REINDEX_S = 2.0
LIST_S = 1.0
PEAK_MB = 300.0

_INDEX = """
import time
from wiredesk.core.service import Wiredesk
wd = Wiredesk(ARGS["db"])
t0, c0 = time.perf_counter(), time.process_time()
report = wd.index([ARGS["dir"]], regroup=False)
t1, c1 = time.perf_counter(), time.process_time()
stories = wd.regroup()
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"index_s": t1 - t0, "group_s": t2 - t1, "index_cpu": c1 - c0, "group_cpu": c2 - c1,
                  "added": report.added,
                  "errors": len(report.errors), "stories": len(stories)}))
"""

_REINDEX = """
import time
from wiredesk.core.service import Wiredesk
t0 = time.perf_counter()
wd = Wiredesk(ARGS["db"])
report = wd.index([ARGS["dir"]])
print(json.dumps({"s": time.perf_counter() - t0, "unchanged": report.unchanged, "changed": report.changed}))
"""

_LIST_API = """
import time
from wiredesk.core.service import Wiredesk
t0 = time.perf_counter()
wd = Wiredesk(ARGS["db"])
text = json.dumps({"articles": [a.summary_dict() for a in wd.articles()]})
print(json.dumps({"s": time.perf_counter() - t0, "bytes": len(text)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="wiredesk ingest benchmark")
    parser.add_argument("--n", type=int, default=10_000, help="articles in the corpus (default 10000)")
    parser.add_argument("--quick", action="store_true", help="300 articles, for a smoke run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    n = 300 if args.quick else args.n

    with tempfile.TemporaryDirectory(prefix="wiredesk-bench-") as tmp:
        corpus, db, home = Path(tmp) / "corpus", str(Path(tmp) / "index.sqlite3"), str(Path(tmp) / "home")
        env = child_env(home)
        started = time.perf_counter()
        info = build_corpus(corpus, n, args.seed)
        mb = info.bytes / 1e6
        rep = Report(f"ingest benchmark: {info.files} articles, {mb:.1f} MB, {info.stories} stories")
        rep.info("corpus built in", f"{time.perf_counter() - started:.1f} s")

        first = python_child(_INDEX, {"db": db, "dir": str(corpus)}, env)
        d = first.data
        if d["errors"] or d["added"] != info.files:
            rep.info("WARNING", f"{d['added']} articles added, {d['errors']} errors (expected {info.files})")
        rep.figure("ingest+index throughput (grouping excluded)", mb / d["index_s"], "MB/s", INGEST_MBS,
                   higher_is_better=True, extra=f"{info.files / d['index_s']:.0f} articles/s, "
                   f"{d['index_s']:.1f} s wall")
        total = d["index_s"] + d["group_s"]
        # No target of its own: grouping's is issue 3's (10,000 articles in <= 30 s, engine.py).
        rep.info("ingest+index+grouping throughput", f"{mb / total:.2f} MB/s, {info.files / total:.0f} articles/s; "
                 f"grouping {d['group_s']:.1f} s, {d['stories']} stories")
        rep.info("CPU seconds: ingest+index / grouping", f"{d['index_cpu']:.1f} s / {d['group_cpu']:.1f} s "
                 f"(CPU-based ingest throughput {mb / d['index_cpu']:.1f} MB/s)")

        again = python_child(_REINDEX, {"db": db, "dir": str(corpus)}, env)
        rep.figure("re-index of the unchanged corpus", again.data["s"], "s", REINDEX_S, higher_is_better=False,
                   extra=f"{again.data['unchanged']} unchanged, changed={again.data['changed']}; "
                   f"process wall {again.wall:.2f} s")

        listing = run_child([sys.executable, "-m", "wiredesk", "--db", db, "list", "--json"], env,
                            expect_json=False)
        listed = json.loads(listing.data["stdout"])
        count = len(listed["articles"] if isinstance(listed, dict) else listed)
        rep.figure("`wiredesk list --json` (CLI process, wall)", listing.wall, "s", LIST_S,
                   higher_is_better=False, extra=f"{count} articles, {len(listing.data['stdout']) / 1e6:.1f} MB")
        api = python_child(_LIST_API, {"db": db}, env)
        rep.info("  of which Wiredesk.articles() + json.dumps", f"{api.data['s']:.2f} s")

        peak = max(first.peak_mb, again.peak_mb, listing.peak_mb, api.peak_mb)
        rep.figure("peak memory (largest stage)", peak, "MB", PEAK_MB, higher_is_better=False,
                   extra=f"index {first.peak_mb:.0f}, re-index {again.peak_mb:.0f}, list {listing.peak_mb:.0f}")
        return rep.done()


if __name__ == "__main__":
    sys.exit(main())
