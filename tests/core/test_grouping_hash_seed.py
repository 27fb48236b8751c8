"""Grouping must not depend on Python's per-process string-hash salt.

Reprint sketches keep the shingle hashes divisible by a constant and block candidates on
the smallest few: with salted hashes the same folder grouped into one story in one run
and two in the next. These tests run the same input under two hash seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
from wiredesk.core.grouping.text import sampled_shingles, shingles
words = "the ferry capsized in the orvello strait late on sunday with dozens aboard officials said".split()
print(sorted(shingles(words)), sampled_shingles(words * 3), sorted(shingles(words[:3])))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_shingle_hashes_are_the_same_under_every_hash_seed() -> None:
    assert _run("1") == _run("2") == _run("3")
