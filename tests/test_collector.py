"""A preview server collects reference cycles between rebuilds, never during one.

Python's cycle collector would rescan every object of a large network's two
sites (the last build and this one) during each preview rebuild; the hub
pauses it while building and collects once the page is served. What matters
to a person previewing is that the rebuild is not slowed by it (bench/
measures that) and that memory held by an old build is still given back.
"""

from __future__ import annotations

import gc
import time
import weakref

import pytest

from engagement_hub.preview.collector import IdleCollector, paused


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


@pytest.fixture
def collector():
    was_enabled = gc.isenabled()
    made = IdleCollector(delay=0.05)
    yield made
    made.building()  # cancel anything pending
    if was_enabled:
        gc.enable()


def _cycle() -> weakref.ref:
    return weakref.ref(_Node())


def _wait(condition, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_an_old_build_s_cycles_are_freed_after_the_rebuild(collector: IdleCollector) -> None:
    collector.building()
    garbage = _cycle()
    junk = [[i] for i in range(100_000)]  # many allocations, which would normally set the collector off
    del junk
    assert garbage() is not None and not gc.isenabled()
    collector.built()
    assert _wait(lambda: garbage() is None and gc.isenabled()), "the cycle was never collected after the build"


def test_a_rebuild_that_starts_first_keeps_the_collector_paused(collector: IdleCollector) -> None:
    collector.building()
    collector.built()
    collector.building()  # the next save arrives before the quiet moment
    garbage = _cycle()
    time.sleep(0.2)
    assert garbage() is not None and not gc.isenabled()
    collector.built()
    assert _wait(lambda: garbage() is None)


def test_paused_turns_the_collector_back_on_only_if_it_was_on() -> None:
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        with paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()
