"""Engine benchmark: claims throughput, story grouping at scale, contested facts for a
50-article story (cold, and re-opened from the index's cache), with peak memory, against
the targets in issue 3.

    python benchmarks/engine.py            # claims over 10,000 articles, grouping of 10,000
    python benchmarks/engine.py --n 3000
    python benchmarks/engine.py --quick    # 300 articles, a smoke run
    python benchmarks/engine.py --profile  # also name the hot functions of each stage

Each stage runs in its own process, so its peak memory is its own. Articles for the claims
and grouping stages are built in memory from the synthetic corpus (no ingest), so those
figures measure the engine alone; the facts stage goes through a real index.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Report, child_env, python_child

CLAIMS_MBS = 2.0
GROUPING_S = 30.0
FACTS_S = 0.5
CACHED_S = 0.05
PEAK_MB = 300.0

# Shared by the in-memory stages: synthetic articles as the index hands them to the engine
# (``Index.articles(full=True, raw=False)``: the body, not the source text, which no engine
# stage reads and which would double the memory measured).
_ARTICLES = """
import sys, time
sys.path.insert(0, ARGS["bench"])
from corpus import generate
from wiredesk.core.models import Article

def synthetic(n):
    arts, truth, copies = [], {}, {}
    for s in generate(n, ARGS["seed"]):
        arts.append(Article(
            id=s.name[:-4], path=s.name, content_hash=s.name, body=s.body, raw="", format="text",
            title=s.title, outlet=None, byline=None, published=s.published.isoformat(), published_at=None,
            dateline=None, url=None, captions=[], removed=[], indexed_at=""))
        truth[s.name[:-4]] = s.story
        copies[s.name[:-4]] = s.copy_of[:-4] if s.copy_of else None
    return arts, truth, copies

def profiled(fn):
    if not ARGS["profile"]:
        return fn()
    import cProfile, io, pstats
    prof = cProfile.Profile()
    result = prof.runcall(fn)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
    sys.stderr.write(out.getvalue())
    return result
"""

_CLAIMS = _ARTICLES + """
from wiredesk.core import claims
arts, _, _ = synthetic(ARGS["n"])
size = sum(len(a.body.encode()) for a in arts)
t0, c0 = time.perf_counter(), time.process_time()
found = profiled(lambda: sum(len(claims.analyze(a).claims) for a in arts))
print(json.dumps({"s": time.perf_counter() - t0, "cpu": time.process_time() - c0, "bytes": size,
                  "claims": found, "n": len(arts)}))
"""

_GROUPING = _ARTICLES + """
from wiredesk.core.grouping import group_articles

def rss_mb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

arts, truth, copies = synthetic(ARGS["n"])
loaded = rss_mb("VmRSS")
t0, c0 = time.perf_counter(), time.process_time()
g = profiled(lambda: group_articles(arts))
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
pure = sum(1 for s in g.stories if len({truth[a] for a in s.articles}) == 1)
found = {frozenset(s.articles) for s in g.stories}
true = {}
for a, s in truth.items():
    true.setdefault(s, set()).add(a)
exact = sum(1 for members in true.values() if frozenset(members) in found)
right = sum(1 for a, c in g.copy_of.items() if c and copies[a])
wrong = sum(1 for a, c in g.copy_of.items() if c and not copies[a])
missed = sum(1 for a, c in copies.items() if c and not g.copy_of[a])
print(json.dumps({"s": wall, "cpu": cpu, "stories": len(g.stories), "true_stories": len(true),
                  "pure": pure, "exact": exact, "copies_right": right, "copies_wrong": wrong,
                  "copies_missed": missed, "n": len(arts), "loaded_mb": loaded,
                  "added_mb": rss_mb("VmHWM") - loaded}))
"""

_FACTS = """
import sys, time
sys.path.insert(0, ARGS["bench"])
from pathlib import Path
from corpus import one_story
from wiredesk.core.service import Wiredesk
folder = Path(ARGS["dir"])
folder.mkdir(parents=True)
for s in one_story(ARGS["size"], ARGS["seed"]):
    (folder / s.name).write_text(s.text, encoding="utf-8")
wd = Wiredesk(ARGS["db"])
t0 = time.perf_counter()
wd.index([folder])
index_s = time.perf_counter() - t0
story = max(wd.stories(), key=lambda s: len(s.articles))
t0 = time.perf_counter()
facts = wd.facts(story.id)
cold = time.perf_counter() - t0
wd.close()
t0 = time.perf_counter()
again = Wiredesk(ARGS["db"]).facts(story.id)
cached = time.perf_counter() - t0
assert [f.to_dict() for f in facts] == [f.to_dict() for f in again]
from wiredesk.core import claims as claims_engine, facts as facts_engine
members = Wiredesk(ARGS["db"]).index_db.articles(full=True, story=story.id)
t0 = time.perf_counter()
analyses = {a.id: claims_engine.analyze(a) for a in members}
claims_s = time.perf_counter() - t0
t0 = time.perf_counter()
facts_engine.compare_story(story.id, members, analyses)
compare_s = time.perf_counter() - t0
status = {}
for f in facts:
    status[f.status] = status.get(f.status, 0) + 1
print(json.dumps({"index_s": index_s, "cold": cold, "cached": cached, "claims_s": claims_s,
                  "compare_s": compare_s, "members": len(story.articles),
                  "stories": len(wd.stories()), "facts": len(facts), "status": status}))
"""

_FACTS_PROFILE = """
import sys, time, cProfile, io, pstats
from wiredesk.core.service import Wiredesk
wd = Wiredesk(ARGS["db"])
story = max(wd.stories(), key=lambda s: len(s.articles))
from wiredesk.core import claims, facts
members = wd.index_db.articles(full=True, story=story.id)
prof = cProfile.Profile()
prof.enable()
analyses = {a.id: claims.analyze(a) for a in members}
facts.compare_story(story.id, members, analyses)
prof.disable()
out = io.StringIO()
pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
sys.stderr.write(out.getvalue())
print("{}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="wiredesk engine benchmark")
    parser.add_argument("--n", type=int, default=10_000, help="articles for claims and grouping (default 10000)")
    parser.add_argument("--story", type=int, default=50, help="articles in the facts story (default 50)")
    parser.add_argument("--quick", action="store_true", help="300 articles, for a smoke run")
    parser.add_argument("--profile", action="store_true", help="print each stage's hot functions to stderr")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", action="append", default=[], choices=["claims", "grouping", "facts"],
                        help="leave a stage out (repeatable)")
    args = parser.parse_args(argv)
    n = 300 if args.quick else args.n
    bench = str(Path(__file__).resolve().parent)
    common = {"bench": bench, "seed": args.seed, "profile": args.profile}
    rep = Report(f"engine benchmark: {n} synthetic articles; a {args.story}-article story for facts")
    peaks: dict[str, float] = {}

    with tempfile.TemporaryDirectory(prefix="wiredesk-bench-") as tmp:
        env = child_env(str(Path(tmp) / "home"))
        if "facts" not in args.skip:
            db = str(Path(tmp) / "index.sqlite3")
            run = python_child(_FACTS, {**common, "size": args.story, "dir": str(Path(tmp) / "story"), "db": db},
                               env)
            d = run.data
            peaks["facts"] = run.peak_mb
            rep.info("facts story indexed", f"{d['members']} of {args.story} articles in its largest story "
                     f"({d['stories']} stories), index {d['index_s']:.1f} s")
            rep.figure(f"contested facts, {d['members']}-article story (cold)", d["cold"], "s", FACTS_S,
                       higher_is_better=False,
                       extra=f"{d['facts']} facts {d['status']}; includes claims for every member")
            rep.info("  of which: claims for the members", f"{d['claims_s']:.2f} s")
            rep.info("  of which: compare_story alone", f"{d['compare_s']:.2f} s")
            rep.figure("re-open the story's facts (cached)", d["cached"], "s", CACHED_S, higher_is_better=False)
            if args.profile:
                print(run.stderr + python_child(_FACTS_PROFILE, {"db": db}, env).stderr, file=sys.stderr)

        if "claims" not in args.skip:
            run = python_child(_CLAIMS, {**common, "n": n}, env)
            d = run.data
            peaks["claims"] = run.peak_mb
            if args.profile:
                print(run.stderr, file=sys.stderr)
            mb = d["bytes"] / 1e6
            rep.figure("claims extraction throughput", mb / d["s"], "MB/s", CLAIMS_MBS, higher_is_better=True,
                       extra=f"{d['n'] / d['s']:.0f} articles/s, {d['claims']} claims, {mb:.1f} MB in "
                       f"{d['s']:.1f} s wall / {d['cpu']:.1f} s CPU ({mb / d['cpu']:.1f} MB/s by CPU)")

        if "grouping" not in args.skip:
            run = python_child(_GROUPING, {**common, "n": n}, env)
            d = run.data
            peaks["grouping"] = run.peak_mb
            if args.profile:
                print(run.stderr, file=sys.stderr)
            rep.figure(f"story grouping of {d['n']} articles", d["s"], "s", GROUPING_S, higher_is_better=False,
                       extra=f"{d['cpu']:.1f} s CPU")
            rep.info("  grouping quality", f"{d['stories']} stories found, {d['true_stories']} generated; "
                     f"{d['exact']} recovered exactly, {d['pure']} pure")
            rep.info("  reprints", f"{d['copies_right']} found, {d['copies_wrong']} wrong, "
                     f"{d['copies_missed']} missed")
            rep.info("  memory", f"{d['loaded_mb']:.0f} MB with the articles loaded, grouping adds "
                     f"{d['added_mb']:.0f} MB at its peak")

        if peaks:
            worst = max(peaks, key=peaks.__getitem__)
            rep.figure("peak memory (largest stage)", peaks[worst], "MB", PEAK_MB, higher_is_better=False,
                       extra=", ".join(f"{k} {v:.0f}" for k, v in peaks.items()))
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
