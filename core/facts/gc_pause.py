"""``paused_gc()``: the cycle collector off for one batch of engine work.

Comparing a story (and analysing its articles, and importing the engines the first time)
builds tens of thousands of short-lived, acyclic objects that reference counting frees
anyway; every pass of the cycle collector over them, and over everything else the process
holds, is wasted work (about a tenth of a cold comparison). The collector is switched back
on afterwards, if it was on, so cycles made meanwhile are collected on its next pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cycle collector for the ``with`` block; restore its previous state."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
