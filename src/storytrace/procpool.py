"""Worker processes: :mod:`multiprocessing`'s ``Pool`` without its worker handler's busy wait.

CPython's process pool (3.8 on) keeps its workers from a thread of the parent that sleeps
until a worker exits, the pool's state changes, or its result pipe is readable. The last
wakes it for nothing (it never reads that pipe): while the results of a long ``imap`` wait
in the pipe, and the parent's result thread is still reading the one before, the handler
thread wakes, finds nothing to do and waits again, over and over. Preparing 8,000 of
``bench/scale.py``'s articles in two workers, that thread alone took 0.7-1.2 of the parent's
1.3-1.8 CPU s (about 0.1 ms an article); without that wake-up, 0.0.

Two more changes keep :meth:`Pool.terminate` (Ctrl-C, ``kill``) from hanging: each input is
read by a thread of its own (:class:`_Feed`), and each worker starts with SIGTERM at its
default action (:func:`_start_worker`).

>>> with pool(1) as p:
...     list(p.imap(abs, [-1, 2, -3]))
[1, 2, 3]
"""

from __future__ import annotations

import queue
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from multiprocessing import get_context
from multiprocessing.pool import Pool as _Pool
from typing import Any


class Pool(_Pool):
    """``multiprocessing.pool.Pool``, its worker handler woken only by a worker's exit or a
    change of the pool's state (closed, terminated, or its last task done), as the thread
    pool's already is; its inputs read by threads of their own (:class:`_Feed`); with
    :meth:`imap_ahead`."""

    def __init__(
        self,
        processes: int | None = None,
        initializer: Callable[..., object] | None = None,
        initargs: tuple = (),
        maxtasksperchild: int | None = None,
        context: Any = None,
    ) -> None:
        super().__init__(
            processes, partial(_start_worker, initializer), initargs, maxtasksperchild, context
        )

    def _get_sentinels(self) -> list:
        return [self._change_notifier._reader]

    def imap(self, func: Callable[[Any], Any], iterable: Iterable, chunksize: int = 1) -> Any:
        """``imap``, ``iterable`` read by a :class:`_Feed`."""
        return super().imap(func, self._feed(iterable, None), chunksize)

    def imap_ahead(
        self, func: Callable[[Any], Any], iterable: Iterable, chunksize: int, ahead: int
    ) -> Iterator:
        """``imap(func, iterable, chunksize)`` taking at most ``ahead`` items (at least
        ``chunksize``) from ``iterable`` beyond the results yielded so far.

        ``imap`` keeps every result that came back until it is asked for: when this process
        takes them slower than the workers make them (it stores what they prepare), they
        pile up here, and how many depends on how the machine shares its cores between
        them, not on the work. Here the feed's reader waits instead.
        """
        feed = self._feed(iterable, max(ahead, chunksize))
        try:
            for result in super().imap(func, feed, chunksize):
                feed.took_one()
                yield result
        finally:
            feed.stop()

    def _feed(self, iterable: Iterable, ahead: int | None) -> _Feed:
        feed = _Feed(iterable, ahead)
        self.__dict__.setdefault("_feeds", []).append(feed)
        return feed

    def terminate(self) -> None:
        # terminate waits for the pool's task handler to send each worker its stop
        # sentinel (an idle worker holds the task pipe's read lock, which terminate needs,
        # until it gets one): a task handler still waiting for an item never would.
        for feed in self.__dict__.get("_feeds", ()):
            feed.stop()
        super().terminate()


def _start_worker(initializer: Callable[..., object] | None, *initargs: object) -> None:
    """A worker's first step: SIGTERM back to its default action, then ``initializer``.

    :meth:`Pool.terminate` stops the workers with SIGTERM. A Python handler a worker
    inherited from its parent (``index`` turns SIGTERM into an interruption) runs only once
    the worker is back in the interpreter, and one that the signal reached just before it
    blocked on the task pipe's lock never is: it lived on, and the parent waiting for it
    hung at its exit (``index`` after Ctrl-C, about one run in three)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)


class _Feed:
    """The items of an iterable, in order, read by a daemon thread of its own and handed to
    the pool's task handler, which iterates this. The task handler then only ever waits
    here, where :meth:`stop` wakes it: inside the iterable it could wait for good (``index
    -`` reading a pipe that stays open), and so keep :meth:`Pool.terminate` waiting too. A
    reader still inside the iterable then is left there, a daemon thread.

    The reader keeps at most :data:`BOX` items the task handler has not taken (it used to
    take them only as fast as the workers' task pipe let it put them: ``compare --pairs``
    must not read a whole input ahead), and with ``ahead`` at most that many beyond the
    results taken (:meth:`took_one`). An error the iterable raises is raised here, where the
    pool makes it that item's result, as it did when its task handler read the iterable."""

    def __init__(self, iterable: Iterable, ahead: int | None) -> None:
        self.box: queue.Queue = queue.Queue(BOX)
        self.ahead = ahead
        self.room = threading.Semaphore(ahead) if ahead else None
        self.stopped = False
        threading.Thread(target=self._read, args=(iter(iterable),), daemon=True).start()

    def _read(self, items: Iterator) -> None:
        item: object = None
        while not (item is _END or isinstance(item, _Failed)):
            if self.room is not None:
                self.room.acquire()
            if self.stopped:
                return
            try:
                item = next(items)
            except StopIteration:
                item = _END
            except Exception as e:  # raised where the pool turns it into a result
                item = _Failed(e)
            self.box.put(item)

    def __iter__(self) -> Iterator:
        while True:
            item = self.box.get()
            if item is _END or self.stopped:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item

    def took_one(self) -> None:
        if self.room is not None:
            self.room.release()

    def stop(self) -> None:
        """Take no more items; end the iteration now."""
        if self.stopped:
            return
        self.stopped = True
        if self.room is not None:
            self.room.release(self.ahead)
        # What waits is not wanted: emptied, the box has room for a reader waiting to put
        # one more item (it then sees it is stopped) and for the end, which wakes __iter__.
        while True:
            try:
                self.box.get_nowait()
            except queue.Empty:
                break
        self.box.put(_END)


BOX = 64
"""Most items a :class:`_Feed` reads ahead of the pool's task handler."""


_END = object()


class _Failed:
    __slots__ = ("error",)

    def __init__(self, error: Exception) -> None:
        self.error = error


def pool(
    workers: int, initializer: Callable[[], object] | None = None, method: str | None = "fork"
) -> Pool:
    """A :class:`Pool` of ``workers`` processes started by ``method`` (None: the platform's
    default)."""
    return Pool(workers, initializer=initializer, context=get_context(method))
