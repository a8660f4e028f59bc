"""The property tests draw the same examples on every run unless an exploratory run is asked for."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import settings

from conftest import ROOT, examples


def test_the_default_profile_is_repeatable() -> None:
    if os.environ.get("HYPOTHESIS_PROFILE", "repeatable") != "repeatable":
        return  # an exploratory run on purpose
    assert settings.default.derandomize
    assert settings.default.database is None
    assert examples(60) == 60


PROBE = """
import sys
sys.path.insert(0, {tests!r})
import conftest
from hypothesis import given, settings, strategies as st
seen = []
@settings(max_examples=5)
@given(st.lists(st.integers()))
def probe(xs):
    seen.append(xs)
probe()
print(repr(seen))
"""


def draws(profile: str) -> str:
    env = {**os.environ, "HYPOTHESIS_PROFILE": profile, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-c", PROBE.format(tests=str(ROOT / "tests"))], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120).stdout


def test_two_repeatable_runs_draw_the_same_examples_and_two_exploratory_runs_do_not() -> None:
    assert draws("repeatable") == draws("repeatable")
    assert draws("explore") != draws("explore")  # the negative: the check above can fail

