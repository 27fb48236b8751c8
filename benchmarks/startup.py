"""How fast the reader paints, how fast it jumps, and how many bytes a key press costs.

Prints:

1. Time from process start to the first full paint of the seeds story in tmux at 80×24
   (polling ``capture-pane`` until the story's article counts are on screen), against a
   minimal Textual app (one Static) measured the same way in the same run: both medians and
   the ratio (goal ≤ 1.3).
2. Key press to changed screen in tmux, as the user sees it, for enter (open an article)
   and ``]`` (same fact, next outlet's sentence): the headline latency (goal ≤ 50 ms).
3. The app's own share, in-process: from the action being called to the screen's refresh
   being done (no pilot waits inside the timed span), for opening articles and fact jumps.
4. Bytes written to the terminal per key press (tmux ``pipe-pane``) at 80x24 and 120x40, for
   list moves, opening an article, the next claim, fact jumps and help, against issue 10's
   budgets at 120x40.

Run: ``python benchmarks/startup.py [--runs N] [--big N | --big 0] [--big-home DIR]``. Needs
tmux. ``--big-home`` keeps (or reuses) the big index in DIR, which saves the minute it takes
to write and index the corpus when the figure is measured again; ``--big-only`` skips the
seeds figures, ``--paint-only`` the figures after the first paint (latencies, bytes per key).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "tui"))

from tmux_driver import TmuxSession, tmux_available  # noqa: E402

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("MINIMAL-READY")

Minimal().run()
"""


def time_to_paint(command: str, ready, workdir: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    session = TmuxSession(command, workdir, env=env)
    try:
        session.wait_for(ready, timeout=60, interval=0.005)
        return time.perf_counter() - start
    finally:
        session.close()


def bench_env(home: Path) -> dict[str, str]:
    """Both programs start the way an installed program does: with compiled bytecode.

    ``pip install`` compiles every module, and a checkout writes ``__pycache__`` on its first
    run; a shell with ``PYTHONDONTWRITEBYTECODE`` set would make every start recompile the
    project's modules (but not Textual's, which were compiled at install) and measure the
    compiler instead of the app. The cache goes to a temporary prefix, so the repository
    stays clean, and both programs are warmed once before timing.
    """
    return {"WIREDESK_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "",
            "PYTHONPYCACHEPREFIX": str(home / "pycache")}


def paired_paints(reader: str, runs: int, home: Path) -> tuple[float, float]:
    """Medians of the reader's first paint (``python -m wiredesk`` + ``reader`` arguments) and
    the minimal app's, timed in turn so both see the same machine load. Both are warmed once
    first: we measure a returning reader's start (index and engine caches in place)."""
    env = bench_env(home)
    py = sys.executable
    minimal = home / "minimal.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    app, base = f"{py} -m wiredesk{reader}", f"{py} {minimal}"
    time_to_paint(app, lambda t: "claims ◆" in t, ROOT, env)
    time_to_paint(base, lambda t: "MINIMAL-READY" in t, ROOT, env)
    app_times, base_times = [], []
    for _ in range(runs):
        base_times.append(time_to_paint(base, lambda t: "MINIMAL-READY" in t, ROOT, env))
        app_times.append(time_to_paint(app, lambda t: "claims ◆" in t, ROOT, env))
    return statistics.median(app_times), statistics.median(base_times)


def startup(runs: int, home: Path) -> tuple[float, float]:
    """First paint of the reader on the seeds against the minimal app (medians)."""
    return paired_paints(" seeds", runs, home)


def big_index(home: Path, n: int) -> None:
    """Write the synthetic corpus and index it under ``home`` (once: kept when already there)."""
    import subprocess

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import build_corpus

    if (home / "data" / "index.sqlite3").exists() and (home / "corpus").is_dir():
        return
    build_corpus(home / "corpus", n)
    subprocess.run([sys.executable, "-m", "wiredesk", "index", str(home / "corpus")], check=True,
                   env={**os.environ, **bench_env(home)}, stdout=subprocess.DEVNULL)


def big_startup(runs: int, home: Path) -> tuple[float, float]:
    """First paint of the reader on the big index against the minimal app (medians)."""
    return paired_paints("", runs, home)


async def jump_timings(home: Path) -> tuple[list[float], list[float]]:
    """The app's own work, in ms: from the key's action being called to the screen's refresh
    being done (``call_after_refresh`` fires). No pilot waits are inside the timed span; the
    terminal's share (tmux's latency) is reported separately below."""
    from wiredesk.core.service import Wiredesk
    from wiredesk.tui.app import WiredeskApp
    from wiredesk.tui.screens.reader import ReaderScreen
    from wiredesk.tui.widgets import FactsPanel, ReadingPane, SourceList

    service = Wiredesk(home / "data" / "index.sqlite3")
    app = WiredeskApp(service, [])
    open_ms: list[float] = []
    jump_ms: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(6):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        sources, pane = screen.query_one(SourceList), screen.query_one(ReadingPane)
        panel = screen.query_one(FactsPanel)

        async def timed(action, done, into: list[float]) -> None:
            """Call ``action``; wait (without sleeping) until ``done()``, then for the refresh."""
            refreshed = asyncio.Event()
            t0 = time.perf_counter()
            action()
            while not done():
                if time.perf_counter() - t0 > 5:
                    return  # nothing to change to (e.g. a fact with one outlet): not a sample
                await asyncio.sleep(0)
            t1: list[float] = []
            screen.call_after_refresh(lambda: (t1.append(time.perf_counter()), refreshed.set()))
            await refreshed.wait()
            into.append((t1[0] - t0) * 1000)

        story = sources.stories[0]
        for article in sources.ordered(story) * 2:
            await pilot.press("1")
            sources.highlight_article(article.id)
            await pilot.pause()
            await timed(sources.action_select,
                        lambda a=article: pane.article is not None and pane.article.id == a.id, open_ms)
            await pilot.pause()
        await pilot.press("3")
        contested = [f for f in panel.visible_facts if f.status == "contested"]
        for fact in contested:
            await pilot.press("3")
            panel.highlighted = [f.id for f in panel.visible_facts].index(fact.id)
            await pilot.pause()
            pick = panel.selected_pick()
            await timed(panel.action_select, lambda p=pick: pane.focused_text == p.evidence.sentence, jump_ms)
            await pilot.pause()
            for _ in range(2):
                before = panel.selected_pick()

                def changed(b=before) -> bool:
                    now = panel.selected_pick()
                    return now != b and pane.focused_text == now.evidence.sentence

                await timed(lambda: screen.action_outlet(1), changed, jump_ms)
                await pilot.pause()
    return open_ms, jump_ms


TARGETS_120x40 = {
    "list move (j/k in sources)": 1.5,
    "next claim (n)": 4.0,
    "open an article (enter on a list row)": 20.0,
    "fact jump (] same fact, next outlet)": 15.0,
}
"""Issue 10's budgets in KB per key at 120x40 (over SSH every byte is latency)."""


def bytes_per_key(home: Path, width: int = 80, height: int = 24, *, latencies: bool = True) -> dict[str, float]:
    """Bytes the terminal receives per key press (tmux ``pipe-pane``), at ``width``x``height``."""
    env = bench_env(home)
    log = home / f"pipe-{width}x{height}.bin"
    session = TmuxSession(f"{sys.executable} -m wiredesk seeds", ROOT, env=env, width=width, height=height)
    out: dict[str, float] = {}
    try:
        session.wait_for(lambda t: "claims ◆" in t, timeout=60)
        time.sleep(0.5)
        session.pipe_to(log)
        time.sleep(0.2)

        def size() -> int:
            return log.stat().st_size if log.exists() else 0

        def measure(name: str, keys: list[str], presses: int = 10) -> None:
            before = size()
            for _ in range(presses):
                for key in keys:
                    session.send(key)
                    time.sleep(0.15)
            time.sleep(0.4)
            out[name] = (size() - before) / (presses * len(keys))

        def measure_key(name: str, preps: list[list[str]], key: str, rounds: int = 6) -> None:
            """Only ``key``'s bytes: the keys that set it up are sent (and settle) outside the count."""
            total = 0
            for i in range(rounds):
                for prep in preps[i % len(preps)]:
                    session.send(prep)
                    time.sleep(0.2)
                time.sleep(0.3)
                before = size()
                session.send(key)
                time.sleep(0.5)
                total += size() - before
            out[name] = total / rounds

        def latency(name: str, key: str, setups: list[list[str]], rounds: int = 6) -> None:
            """Key press to changed screen, as the user sees it (tmux polled every ~2 ms)."""
            times = []
            for i in range(rounds):
                for prep in setups[i % len(setups)]:
                    session.send(prep)
                    time.sleep(0.25)
                before = session.screen()
                t0 = time.perf_counter()
                session.send(key)
                session.wait_for(lambda t, b=before: t != b, timeout=10, interval=0.002)
                times.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.3)
            out[f"latency ms (median), {name}"] = statistics.median(times)

        if latencies:
            latency("enter opens an article from the list", "Enter",
                    [["1", "g", "j"], ["1", "g", "j", "j"], ["1", "g", "j", "j", "j"]])
            latency("] same fact, next outlet's sentence", "]", [["2"]])
        session.send("1")
        time.sleep(0.3)
        measure("list move (j/k in sources)", ["j", "k"])
        measure("switch view (2 then 1)", ["2", "1"], presses=5)
        measure_key("open an article (enter on a list row)",
                    [["1", "g", "j"], ["1", "g", "j", "j"], ["1", "g", "j", "j", "j"]], "Enter")
        session.send("2")
        time.sleep(0.3)
        measure("next claim (n)", ["n"])
        session.send("c")
        time.sleep(0.5)
        measure("fact jump (] same fact, next outlet)", ["]"])
        measure_key("help (?)", [["Escape"]], "?", rounds=3)
        session.send("Escape")
        session.send("q")
    finally:
        session.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big", type=int, default=10_000, help="articles in the big index (0: skip it)")
    parser.add_argument("--big-home", type=Path, help="keep or reuse the big index in this folder")
    parser.add_argument("--big-only", action="store_true", help="only the big-index first paint")
    parser.add_argument("--paint-only", action="store_true",
                        help="only the first-paint figures (skip key latencies and bytes per key)")
    args = parser.parse_args()
    if not tmux_available():
        print("tmux is required", file=sys.stderr)
        return 2
    load = os.getloadavg()
    print(f"machine load (1/5/15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs "
          "(compare medians of several runs on a loaded machine)")
    if args.big:
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
            big_home = args.big_home or Path(tmp)
            big_home.mkdir(parents=True, exist_ok=True)
            big_index(big_home, args.big)
            app_s, base_s = big_startup(args.runs, big_home)
            print(f"first paint, {args.big:,}-article index, 80x24 (median of {args.runs}): wiredesk "
                  f"{app_s * 1000:.0f} ms, minimal Textual app {base_s * 1000:.0f} ms, ratio {app_s / base_s:.2f} "
                  "(goal <= 1.3)")
    if args.big_only:
        return 0
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        home = Path(tmp)
        app_s, base_s = startup(args.runs, home)
        print(f"first paint, seeds story, 80x24 (median of {args.runs}): wiredesk {app_s * 1000:.0f} ms, "
              f"minimal Textual app {base_s * 1000:.0f} ms, ratio {app_s / base_s:.2f} (goal <= 1.3)")
        if args.paint_only:
            return 0
        os.environ["WIREDESK_HOME"] = str(home)
        open_ms, jump_ms = asyncio.run(jump_timings(home))
        measured = bytes_per_key(home)
        wide = bytes_per_key(home, 120, 40, latencies=False)
        print("key press to changed screen in tmux, as the user sees it (goal <= 50 ms):")
        for name, value in measured.items():
            if name.startswith("latency"):
                print(f"  {name}: {value:.0f}")
        print("app's own work, in-process (action called -> screen refresh done; excludes the terminal):")
        print(f"  open article ({len(open_ms)} opens): median {statistics.median(open_ms):.1f} ms, "
              f"max {max(open_ms):.1f} ms")
        if jump_ms:
            print(f"  jump to a fact's sentence ({len(jump_ms)} jumps): median {statistics.median(jump_ms):.1f} ms, "
                  f"max {max(jump_ms):.1f} ms")
        print("bytes per key press (KB), 80x24 | 120x40 | target at 120x40:")
        for name, value in measured.items():
            if not name.startswith("latency"):
                target = TARGETS_120x40.get(name)
                verdict = "" if target is None else f" | <= {target} KB " + ("ok" if wide[name] / 1000 <= target
                                                                           else "OVER")
                print(f"  {name}: {value / 1000:.1f} | {wide[name] / 1000:.1f}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
