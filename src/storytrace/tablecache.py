"""Tables built once from data files, kept in a cache directory in marshal form.

The first comparison in a process builds tables from files: the Moby thesaurus's 24 MB
text becomes a dict of 30,000 headwords (0.12-0.16 CPU s), WordNet's table one of 110,000
lemmas (0.17-0.22). A fresh ``storytrace index`` pays that on every run, a large part of a
small increment's cost. :func:`cached` keeps such a table in a file and reads it back with
:mod:`marshal` (Moby's in 0.03 s).

A file holds the table and the stamp of what built it: the files it was built from and the
module that builds it (path, size and modification time of each), the Python version
(marshal's format is Python's own) and :data:`FORMAT`. A stamp that differs, or a file that
cannot be read or decoded, and the table is built from the files again and the cache file
rewritten (written apart, then renamed: a reader never sees half a file). When the
directory cannot be written the table is built each time, as without a cache.

The directory is ``$STORYTRACE_CACHE``, else ``$XDG_CACHE_HOME/storytrace``, else
``~/.cache/storytrace``; ``STORYTRACE_CACHE=none`` turns the cache off.

>>> import tempfile
>>> os.environ["STORYTRACE_CACHE"] = tempfile.mkdtemp()
>>> cached("demo", [], lambda: {"a": (1, 2)})
{'a': (1, 2)}
>>> cached("demo", [], lambda: {"never": "built"})  # read back: the stamp is the same
{'a': (1, 2)}
>>> del os.environ["STORYTRACE_CACHE"]
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FORMAT = 1
"""Bumped when what a cache file holds changes shape."""


def cache_dir() -> Path | None:
    """Where tables are kept; None when ``STORYTRACE_CACHE=none`` turns the cache off (or
    there is no home directory for the default)."""
    env = os.environ.get("STORYTRACE_CACHE")
    if env:
        return None if env.lower() == "none" else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "storytrace"
    try:
        return Path.home() / ".cache" / "storytrace"
    except RuntimeError:  # no home directory to be found: no cache
        return None


def _stamp(sources: Iterable[str | os.PathLike[str]], builder: str) -> str:
    parts = [f"format {FORMAT}", sys.version]
    for path in [builder, *sources]:
        try:
            st = os.stat(path)
            parts.append(f"{os.fspath(path)} {st.st_size} {st.st_mtime_ns}")
        except OSError:
            parts.append(f"{os.fspath(path)} missing")
    return "\n".join(parts)


def cached(
    name: str,
    sources: Iterable[str | os.PathLike[str]],
    build: Callable[[], T],
    builder: str | None = None,
) -> T:
    """``build()``, or the table it built before from the same ``sources`` (paths) by the
    same code, read from the cache file ``name``. ``builder`` is the source file of the code
    that builds the table (by default the module defining ``build``); editing it makes the
    kept table stale. The table must be of marshal's types (dicts, tuples, strings, numbers).
    """
    where = cache_dir()
    if where is None:
        return build()
    if builder is None:
        builder = sys.modules[build.__module__].__file__ or ""
    stamp = _stamp(sources, builder)
    path = where / f"{name}.marshal"
    try:
        # Read whole first: marshal.load of a file reads it a few bytes at a time.
        kept_stamp, value = marshal.loads(path.read_bytes())
        if kept_stamp == stamp:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no file yet, or not one this code wrote: built again below
    value = build()
    import tempfile  # only to write: its import is a tenth of this module's users' start-up

    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=where)
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((stamp, value), fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: the table is simply built each time
    return value
