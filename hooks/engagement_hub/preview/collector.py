"""When Python's cycle collector runs: not while the hub builds, as far as it can help it.

Loading a large network's data makes hundreds of thousands of small objects
and no reference cycles, and a preview keeps two whole sites in memory (the
last build, to compare with, and this one). Python's collector rescans all of
them whenever enough new objects pile up: at 100 times the example that was
0.1 to 0.18 s of every preview rebuild (timed with gc.callbacks; `make bench`
times the whole reload).
The objects that do form cycles (the engine's pages and navigation) only
need collecting once per build, and that can wait until the page is served.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block; the collector runs as before after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class IdleCollector:
    """For a preview server: collect between rebuilds, never during one.

    ``building`` pauses the collector; ``built`` collects once, a moment after
    the rebuild, when the browser has had its page, and turns it back on.
    """

    def __init__(self, delay: float = 0.3) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def building(self) -> None:
        with self._lock:  # waits for a collection already under way
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            gc.disable()

    def built(self) -> None:
        with self._lock:
            timer = self._timer = threading.Timer(self.delay, self._collect)
            timer.daemon = True  # never keeps a stopped server alive
            timer.start()

    def _collect(self) -> None:
        with self._lock:
            if self._timer is not threading.current_thread():
                return  # a new rebuild started meanwhile
            self._timer = None
            gc.collect()
            gc.enable()
