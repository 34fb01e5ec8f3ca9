"""Worker processes: :mod:`multiprocessing`'s ``Pool`` without its worker handler's busy wait.

CPython's process pool (3.8 on) keeps its workers from a thread of the parent that sleeps
until a worker exits, the pool's state changes, or its result pipe is readable. The last
wakes it for nothing (it never reads that pipe): while the results of a long ``imap`` wait
in the pipe, and the parent's result thread is still reading the one before, the handler
thread wakes, finds nothing to do and waits again, over and over. Preparing 8,000 of
``bench/scale.py``'s articles in two workers, that thread alone took 0.7-1.2 of the parent's
1.3-1.8 CPU s (about 0.1 ms an article); without that wake-up, 0.0.

>>> with pool(1) as p:
...     list(p.imap(abs, [-1, 2, -3]))
[1, 2, 3]
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.pool import Pool as _Pool


class Pool(_Pool):
    """``multiprocessing.pool.Pool``, its worker handler woken only by a worker's exit or a
    change of the pool's state (closed, terminated, or its last task done), as the thread
    pool's already is."""

    def _get_sentinels(self) -> list:
        return [self._change_notifier._reader]


def pool(
    workers: int, initializer: Callable[[], object] | None = None, method: str | None = "fork"
) -> Pool:
    """A :class:`Pool` of ``workers`` processes started by ``method`` (None: the platform's
    default)."""
    return Pool(workers, initializer=initializer, context=get_context(method))
