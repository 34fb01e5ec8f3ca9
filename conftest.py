"""Settings for the whole test run, doctests in ``src`` included."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Hypothesis draws the same examples on every run, so CI's verdict does not depend on the draw
# of the day; `HYPOTHESIS_PROFILE=explore pytest ...` draws afresh to hunt new counterexamples
# (each one found becomes a test of its own).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True, scope="session")
def _table_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    # The tables storytrace keeps between processes (storytrace.tablecache) go to a folder
    # of this run, not the user's cache; processes the tests start inherit it.
    if "STORYTRACE_CACHE" not in os.environ:
        os.environ["STORYTRACE_CACHE"] = str(tmp_path_factory.mktemp("tablecache"))
