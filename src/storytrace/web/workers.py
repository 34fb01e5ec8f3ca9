"""A small pool of worker processes for the app's CPU-bound work (compare, stories).

Why not ``ProcessPoolExecutor`` or ``multiprocessing.Pool``: neither can stop one
running task, and a request whose client went away should not keep a core busy.
Here each worker is a *spawned* process (no fork of the threaded server, no
inherited signal handlers) talking over its own pipe; cancelling a request kills
its worker and starts a fresh one. Workers ignore SIGINT, so Ctrl-C reaches only
the server, which stops them in :meth:`WorkerPool.close` (terminate, then kill).

With ``size=0`` jobs run in the server's thread pool instead (tests, doctests).
"""

from __future__ import annotations

import asyncio
import signal
import traceback
from collections.abc import Awaitable, Callable
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from fastapi.concurrency import run_in_threadpool

from storytrace.articles import InputError

_CTX = get_context("spawn")
POLL_SECONDS = 0.1
"""How often a waiting request checks whether its client is still there."""


class JobCancelled(Exception):
    """The job was stopped because nobody waits for its result any more."""


class JobFailed(Exception):
    """A job raised something other than :class:`InputError` in its worker."""


def _serve(conn: Connection) -> None:
    """A worker's loop: receive ``(fn, args)``, send back ``(status, value)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except InputError as e:
            reply = ("input", str(e))
        except Exception:  # noqa: BLE001 - reported to the request, the worker lives on
            reply = ("error", traceback.format_exc(limit=5))
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self) -> None:
        self.conn, child = _CTX.Pipe()
        self.process: BaseProcess = _CTX.Process(
            target=_serve, args=(child,), daemon=True, name="storytrace-worker"
        )
        self.process.start()
        child.close()

    def stop(self, timeout: float = 0.5) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(timeout)


class WorkerPool:
    """``size`` worker processes; :meth:`run` sends one job to an idle one.

    Example:
        >>> import asyncio, operator
        >>> pool = WorkerPool(1)
        >>> asyncio.run(pool.run(operator.add, 2, 3))
        5
        >>> pool.close()
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._closed = False

    def _ensure_started(self) -> asyncio.Queue[_Worker]:
        # Queues belong to an event loop: made on first use inside the server's loop.
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                w = _Worker()
                self._workers.append(w)
                self._idle.put_nowait(w)
        return self._idle

    def start(self) -> None:
        """Start the workers now (the app does this at start-up)."""
        if self.size:
            self._ensure_started()

    async def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        gone: Callable[[], Awaitable[bool]] | None = None,
    ) -> Any:
        """``fn(*args)`` in a worker; cancelled (worker replaced) when ``gone()`` says so.

        ``fn`` must be importable (a module-level function); an :class:`InputError`
        raised by it is raised here with the same message.
        """
        if self._closed:
            raise JobCancelled("the server is stopping")
        if not self.size:
            return await run_in_threadpool(fn, *args)
        idle = self._ensure_started()
        worker = await self._acquire(idle, gone)
        finished = False
        try:
            worker.conn.send((fn, args))
            loop = asyncio.get_running_loop()
            ready = loop.create_future()
            fd = worker.conn.fileno()
            loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
            try:
                while not ready.done():
                    await asyncio.wait([ready], timeout=POLL_SECONDS)
                    if not ready.done() and gone is not None and await gone():
                        raise JobCancelled("the client went away")
            finally:
                loop.remove_reader(fd)
            status, value = worker.conn.recv()
            finished = True
        except (EOFError, OSError) as e:
            if self._closed:
                raise JobCancelled("the server is stopping") from None
            raise JobFailed(f"worker stopped: {e}") from None
        finally:
            if finished:
                idle.put_nowait(worker)
            else:
                self._replace(worker, idle)
        if status == "input":
            raise InputError(value)
        if status == "error":
            raise JobFailed(value)
        return value

    async def _acquire(
        self, idle: asyncio.Queue[_Worker], gone: Callable[[], Awaitable[bool]] | None
    ) -> _Worker:
        """An idle worker; given up when the server stops or the client leaves meanwhile."""
        getting = asyncio.ensure_future(idle.get())
        try:
            while True:
                done, _ = await asyncio.wait([getting], timeout=POLL_SECONDS)
                if done:
                    return getting.result()
                if self._closed:
                    raise JobCancelled("the server is stopping")
                if gone is not None and await gone():
                    raise JobCancelled("the client went away")
        except BaseException:
            if getting.done() and not getting.cancelled():
                idle.put_nowait(getting.result())  # got one just as we gave up: hand it back
            else:
                getting.cancel()
            raise

    def _replace(self, worker: _Worker, idle: asyncio.Queue[_Worker]) -> None:
        """Kill a worker stuck in a job nobody wants, and start a fresh one."""
        worker.stop(timeout=0.2)
        if not self._closed:
            fresh = _Worker()
            self._workers.append(fresh)
            idle.put_nowait(fresh)
        if worker in self._workers:
            self._workers.remove(worker)

    @property
    def closed(self) -> bool:
        """Whether the pool is stopping (no new jobs)."""
        return self._closed

    def stop_soon(self) -> None:
        """Stop every worker from a signal handler: mark the pool closed now, kill the
        processes (jobs waiting on them end with :class:`JobCancelled`)."""
        self._closed = True
        for w in list(self._workers):
            if w.process.is_alive():
                w.process.kill()

    def alive(self) -> int:
        """How many worker processes are running."""
        return sum(w.process.is_alive() for w in self._workers)

    def close(self) -> None:
        """Stop every worker: terminate, then kill whatever is left after half a second."""
        self._closed = True
        for w in self._workers:
            w.stop()
        self._workers.clear()
