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

import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing import get_context
from multiprocessing.pool import Pool as _Pool
from typing import Any


class Pool(_Pool):
    """``multiprocessing.pool.Pool``, its worker handler woken only by a worker's exit or a
    change of the pool's state (closed, terminated, or its last task done), as the thread
    pool's already is; with :meth:`imap_ahead`."""

    def _get_sentinels(self) -> list:
        return [self._change_notifier._reader]

    def imap_ahead(
        self, func: Callable[[Any], Any], iterable: Iterable, chunksize: int, ahead: int
    ) -> Iterator:
        """``imap(func, iterable, chunksize)`` taking at most ``ahead`` items (at least
        ``chunksize``) from ``iterable`` beyond the results yielded so far.

        ``imap`` keeps every result that came back until it is asked for: when this process
        takes them slower than the workers make them (it stores what they prepare), they
        pile up here, and how many depends on how the machine shares its cores between
        them, not on the work. Here the pool's feeder thread waits instead.
        """
        size = max(ahead, chunksize)
        room = threading.Semaphore(size)
        gate = _Gate(room, size)
        self.__dict__.setdefault("_gates", []).append(gate)

        def fed() -> Iterator:
            items = iter(iterable)
            while True:
                room.acquire()
                if gate.open:  # terminated, or the results are no longer wanted
                    return
                try:
                    item = next(items)
                except StopIteration:
                    return
                yield item

        try:
            for result in self.imap(func, fed(), chunksize):
                room.release()
                yield result
        finally:
            gate.let_go()

    def terminate(self) -> None:
        # A feeder waiting for room would keep the pool's task handler, which terminate
        # joins, from ever ending.
        for gate in self.__dict__.get("_gates", ()):
            gate.let_go()
        super().terminate()


class _Gate:
    """Stops an :meth:`Pool.imap_ahead` feeder: once let go, it takes no more items."""

    __slots__ = ("room", "size", "open")

    def __init__(self, room: threading.Semaphore, size: int) -> None:
        self.room, self.size, self.open = room, size, False

    def let_go(self) -> None:
        if not self.open:
            self.open = True
            self.room.release(self.size)


def pool(
    workers: int, initializer: Callable[[], object] | None = None, method: str | None = "fork"
) -> Pool:
    """A :class:`Pool` of ``workers`` processes started by ``method`` (None: the platform's
    default)."""
    return Pool(workers, initializer=initializer, context=get_context(method))
