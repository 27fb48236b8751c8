"""How fast the reader paints, how fast it jumps, and how many bytes a key press costs.

Prints:

1. Time from process start to the first full paint of the seeds story in tmux at 80×24
   (polling ``capture-pane`` until the story's article counts are on screen), against a
   minimal Textual app (one Static) measured the same way in the same run: both medians and
   the ratio (goal ≤ 1.3).
2. In-process (pilot): opening an article and jumping to a contested fact's sentence, in ms
   (goal ≤ 50 ms).
3. Bytes written to the terminal per key press (tmux ``pipe-pane``), for list moves, view
   switches and fact jumps.

Run: ``python benchmarks/startup.py [--runs N]``. Needs tmux.
"""

from __future__ import annotations

import argparse
import asyncio
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


def startup(runs: int, home: Path) -> tuple[float, float]:
    env = bench_env(home)
    py = sys.executable
    minimal = home / "minimal.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    # Warm the index (and the engine caches) once: we measure a returning reader's start.
    time_to_paint(f"{py} -m wiredesk seeds", lambda t: "claims ◆" in t, ROOT, env)
    time_to_paint(f"{py} {minimal}", lambda t: "MINIMAL-READY" in t, ROOT, env)
    app_times, base_times = [], []
    for _ in range(runs):
        base_times.append(time_to_paint(f"{py} {minimal}", lambda t: "MINIMAL-READY" in t, ROOT, env))
        app_times.append(time_to_paint(f"{py} -m wiredesk seeds", lambda t: "claims ◆" in t, ROOT, env))
    return statistics.median(app_times), statistics.median(base_times)


async def jump_timings(home: Path) -> tuple[list[float], list[float]]:
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

        async def until(predicate) -> float:
            t0 = time.perf_counter()
            while not predicate():
                await asyncio.sleep(0.0005)
            await pilot.pause()
            return (time.perf_counter() - t0) * 1000

        story = sources.stories[0]
        for article in sources.ordered(story) * 2:
            await pilot.press("1")
            sources.highlight_article(article.id)
            await pilot.pause()
            t0 = time.perf_counter()
            await pilot.press("enter")
            while pane.article is None or pane.article.id != article.id:
                await asyncio.sleep(0.0005)
            await pilot.pause()
            open_ms.append((time.perf_counter() - t0) * 1000)
        await pilot.press("3")
        contested = [f for f in panel.visible_facts if f.status == "contested"]
        for fact in contested:
            await pilot.press("3")
            panel.highlighted = [f.id for f in panel.visible_facts].index(fact.id)
            await pilot.pause()
            pick = panel.selected_pick()
            t0 = time.perf_counter()
            await pilot.press("enter")
            await until(lambda p=pick: pane.focused_text == p.evidence.sentence)
            jump_ms.append((time.perf_counter() - t0) * 1000)
            for _ in range(2):
                nxt = panel.selected_pick()
                t0 = time.perf_counter()
                await pilot.press("right_square_bracket")
                await pilot.pause()
                nxt = panel.selected_pick()
                await until(lambda p=nxt: pane.focused_text == p.evidence.sentence)
                jump_ms.append((time.perf_counter() - t0) * 1000)
    return open_ms, jump_ms


def bytes_per_key(home: Path) -> dict[str, float]:
    env = bench_env(home)
    log = home / "pipe.bin"
    session = TmuxSession(f"{sys.executable} -m wiredesk seeds", ROOT, env=env)
    out: dict[str, float] = {}
    try:
        session.wait_for(lambda t: "claims ◆" in t, timeout=60)
        time.sleep(0.5)
        session.pipe_to(log)
        time.sleep(0.2)

        def measure(name: str, keys: list[str], presses: int = 10) -> None:
            before = log.stat().st_size if log.exists() else 0
            for _ in range(presses):
                for key in keys:
                    session.send(key)
                    time.sleep(0.15)
            time.sleep(0.4)
            after = log.stat().st_size if log.exists() else 0
            out[name] = (after - before) / (presses * len(keys))

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

        latency("enter opens an article from the list", "Enter",
                [["1", "g", "j"], ["1", "g", "j", "j"], ["1", "g", "j", "j", "j"]])
        latency("] same fact, next outlet's sentence", "]", [["2"]])
        session.send("1")
        time.sleep(0.3)
        measure("j/k in source list", ["j", "k"])
        measure("switch view (2 then 1)", ["2", "1"], presses=5)
        session.send("c")
        time.sleep(0.5)
        measure("] fact jump (reader)", ["]"])
        measure("n next claim", ["n"])
        session.send("q")
    finally:
        session.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not tmux_available():
        print("tmux is required", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        app_s, base_s = startup(args.runs, home)
        print(f"first paint, seeds story, 80x24 (median of {args.runs}): wiredesk {app_s * 1000:.0f} ms, "
              f"minimal Textual app {base_s * 1000:.0f} ms, ratio {app_s / base_s:.2f} (goal <= 1.3)")
        import os

        os.environ["WIREDESK_HOME"] = str(home)
        open_ms, jump_ms = asyncio.run(jump_timings(home))
        print(f"open article (in-process, {len(open_ms)} opens): median {statistics.median(open_ms):.1f} ms, "
              f"max {max(open_ms):.1f} ms")
        if jump_ms:
            print(f"jump to fact sentence ({len(jump_ms)} jumps): median {statistics.median(jump_ms):.1f} ms, "
                  f"max {max(jump_ms):.1f} ms (goal <= 50 ms)")
        for name, value in bytes_per_key(home).items():
            label = name if name.startswith("latency") else f"bytes per key press, {name}"
            print(f"{label}: {value:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
