"""Settings for the whole test run, doctests in ``src`` included."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _table_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    # The tables storytrace keeps between processes (storytrace.tablecache) go to a folder
    # of this run, not the user's cache; processes the tests start inherit it.
    if "STORYTRACE_CACHE" not in os.environ:
        os.environ["STORYTRACE_CACHE"] = str(tmp_path_factory.mktemp("tablecache"))
