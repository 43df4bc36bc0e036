"""Python's cyclic garbage collector paused while documents are read.

Reading a document allocates hundreds of thousands of short-lived objects (tokens, phrase
matches, rows) and creates no reference cycles: after one megabyte of news,
``gc.collect()`` finds nothing to free, and the peak memory is the same with the collector
on or off. Yet the collector runs every few hundred allocations and walks every object
still alive, which took 10-30% of ``factcheck.extract``'s CPU time (docs/benchmarks.md).
Reference counting frees all that reading leaves behind, so the cyclic collector is paused
for the call and given back as it was found, on errors too. A caller that disabled it
keeps it disabled; with several threads reading at once, the first to finish turns it back
on, which only lets it run early.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector disabled, then restore its state."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
