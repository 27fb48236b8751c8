"""Hostile text costs time and space in proportion to its size, like ordinary prose.

Runs of punctuation, particles, digits, clock times, quotes, brackets, capitals and
whitespace once made some stage quadratic (100 KB of "." took minutes) or made output
explode (64 KB of "10:00 a.m." gave a 400 MB index). Each input goes through the whole
service (ingest, index, grouping, claims, facts, the ``contested`` report); the test compares
its CPU time per KB with ordinary prose measured in the same run (a ratio with a generous
factor, not a wall-clock limit), and checks that doubling the input at most about doubles
the time and the output.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wiredesk.core.service import Wiredesk

PROSE = (
    "The mayor said on Monday that the bridge would reopen after repairs costing about $3 million. "
    "Officials told reporters in the capital that at least 12 people were hurt when the storm hit "
    "the coast late on Sunday, and that more than 40 homes had been damaged. "
    "“We will rebuild,” said Ahmad Qasim al-Fadhli, a council spokesman, at a news conference.\n\n"
)
KB = 12
TIME_FACTOR = 25.0
"""Pathological text may cost this many times ordinary prose's CPU per KB (it is denser)."""
SIZE_FACTOR = 120
"""Output (index + report) at most this many bytes per input byte."""

KNOWN = [
    ".", "!", "?!", "…", ". ", "A. ", "10:00 a.m. ", "12 a.m. ", "1,", "$3 ", "12.5% ",
    "more than 40 people ", "Jan. 5 ", "“", "“a” ", "(", "[", "al-X ", "Omar Ali said ",
    "U.S. ", "Mr. ", "   ", "\t", "Ahmad Qasim al-Fadhli said “yes” on Monday. ", "‘", "‘‘", " ‘a", "«",
    # Ordinary prose must itself scale linearly (500 KB of it once took 12 s), and so must the
    # same prose written as one endless line (a 5 MB line once took 199 s).
    pytest.param(PROSE, id="prose"), pytest.param(PROSE.replace("\n\n", " "), id="prose-one-line"),
]
PIECES = st.sampled_from([
    ".", "!", "?", "…", ",", ";", ":", "-", "—", "'", "\"", "“", "”", "‘", "’", "(", ")", "[", "]",
    "al-", "bin ", "de ", "van ", "the ", "said ", "at least ", "more than ", "about ",
    "1", "7", "0", "1,000", "3.5", "%", "$", "10:00", "a.m.", "p.m.", "GMT", "Monday", "Jan.",
    "A", "Omar", "Ali", "U.S.", "Mr.", "NATO", " ", "  ", "\t", "\u00a0",
])


def _run(tmp_path: Path, text: str) -> tuple[float, int]:
    """CPU seconds to index ``text`` and compute its facts and report; bytes of output."""
    folder = tmp_path / f"in{time.monotonic_ns()}"
    folder.mkdir()
    (folder / "a.txt").write_text("Storm hits the coast\n\n" + text, encoding="utf-8")
    service = Wiredesk(folder / "index.sqlite3")
    start = time.process_time()
    report = service.index([folder / "a.txt"])
    document = json.dumps(service.report())
    spent = time.process_time() - start
    service.close()
    assert report.errors == [] or "no article text" in report.errors[0].reason
    size = sum(p.stat().st_size for p in folder.glob("index.sqlite3*")) + len(document)
    return spent, size


def _fill(chunk: str, kb: int) -> str:
    return (chunk * (kb * 1024 // len(chunk) + 1))[: kb * 1024]


@pytest.fixture(scope="module")
def prose_per_kb(tmp_path_factory: pytest.TempPathFactory) -> float:
    folder = tmp_path_factory.mktemp("prose")
    _run(folder, _fill(PROSE, 2))  # imports and caches out of the measurement
    return min(_run(folder, _fill(PROSE, KB))[0] for _ in range(2)) / KB


def _check(tmp_path: Path, chunk: str, prose_per_kb: float) -> None:
    small_time, small_size = _run(tmp_path, _fill(chunk, KB // 2))
    time_, size = _run(tmp_path, _fill(chunk, KB))
    if time_ > min(TIME_FACTOR * prose_per_kb * KB, 3 * small_time):  # measure again: a busy
        small_time = min(small_time, _run(tmp_path, _fill(chunk, KB // 2))[0])  # machine's noise
        time_ = min(time_, _run(tmp_path, _fill(chunk, KB))[0])  # is not what is checked
    per_kb = time_ / KB
    assert per_kb <= TIME_FACTOR * prose_per_kb + 0.002, (
        f"{chunk!r}: {per_kb * 1000:.1f} ms/KB vs prose {prose_per_kb * 1000:.1f} ms/KB"
    )
    assert time_ <= 3 * small_time + 0.15, f"{chunk!r}: {small_time:.2f}s -> {time_:.2f}s for twice the text"
    assert size <= SIZE_FACTOR * KB * 1024 + 400_000, f"{chunk!r}: {size / 1e6:.1f} MB of output"
    assert size <= 3 * small_size, f"{chunk!r}: output {small_size} -> {size} bytes for twice the text"


@pytest.mark.parametrize("chunk", KNOWN)
def test_known_pathological_runs_cost_like_prose(tmp_path: Path, prose_per_kb: float, chunk: str) -> None:
    _check(tmp_path, chunk, prose_per_kb)


@settings(max_examples=10, deadline=None, derandomize=True)
@given(pieces=st.lists(PIECES, min_size=1, max_size=6))
def test_generated_runs_cost_like_prose(tmp_path_factory: pytest.TempPathFactory, prose_per_kb: float,
                                        pieces: list[str]) -> None:
    _check(tmp_path_factory.mktemp("gen"), "".join(pieces), prose_per_kb)
