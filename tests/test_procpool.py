"""procpool.Pool: the worker handler sleeps while results stream back, and still does its
work (replacing exited workers, ending after ``close``)."""

from __future__ import annotations

import multiprocessing.pool
import os
import signal
import threading
import time

import pytest

from storytrace import procpool


def _big(i: int) -> bytes:
    return bytes([i % 256]) * 50_000


def _handler_wakes(monkeypatch) -> list[int]:
    """Count the worker handler thread's returns from ``wait`` (its only sleep)."""
    wakes = [0]
    real = multiprocessing.pool.wait

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        if threading.current_thread().name.endswith("(_handle_workers)"):
            wakes[0] += 1
        return out

    monkeypatch.setattr(multiprocessing.pool, "wait", counting)
    return wakes


def test_results_streaming_back_do_not_wake_the_worker_handler(monkeypatch):
    wakes = _handler_wakes(monkeypatch)
    with procpool.pool(2) as p:
        got = list(p.imap(_big, range(400)))
        during = wakes[0]
    assert got == [_big(i) for i in range(400)]
    # The stdlib pool's handler woke whenever a result waited in the pipe: 2,232 times here
    # (Python 3.11). Ours wakes when the last task is done (the cache empties), at most.
    assert during <= 2


def test_exited_workers_are_replaced_and_close_ends_the_pool():
    p = procpool.Pool(1, maxtasksperchild=2)
    try:
        # One worker, two tasks each: the handler must wake at each exit to start another.
        assert list(p.imap(abs, range(-5, 5))) == [abs(i) for i in range(-5, 5)]
        p.close()
        done = threading.Thread(target=p.join, daemon=True)
        done.start()
        done.join(30)
        assert not done.is_alive(), "the pool did not end after close()"
    finally:
        p.terminate()


def test_imap_ahead_takes_no_more_than_ahead_items_beyond_the_results_taken():
    # imap reads its input as fast as the workers take it and keeps every result until it
    # is asked for: a slow reader (index storing what workers prepare) held them all.
    pulled = [0]

    def items():
        for i in range(300):
            pulled[0] += 1
            yield i

    with procpool.pool(2) as p:
        got = p.imap_ahead(abs, items(), 4, 20)
        first = [next(got) for _ in range(10)]
        time.sleep(1.0)  # the workers would have done all 300 by now
        assert pulled[0] <= 10 + 20
        rest = list(got)
    assert first + rest == list(range(300))
    assert pulled[0] == 300


def test_imap_ahead_ends_with_terminate_while_its_feeder_waits():
    # terminate joins the pool's task handler: a feeder waiting for room must give up.
    p = procpool.pool(1)
    got = p.imap_ahead(abs, range(1000), 2, 4)
    assert next(got) == 0
    time.sleep(0.3)
    done = threading.Thread(target=p.terminate, daemon=True)
    done.start()
    done.join(30)
    assert not done.is_alive(), "terminate hung on the waiting feeder"


def _stalled(first: int, release: threading.Event):
    """Items 0..first-1, then a wait for more, as a pipe that stays open (``index -``)."""
    yield from range(first)
    release.wait()


@pytest.mark.parametrize("ahead", [False, True], ids=["imap", "imap_ahead"])
def test_terminate_ends_while_the_input_waits_for_more(ahead):
    # Ctrl-C or kill while `index -` waited for more input: the pool's task handler was
    # inside the input's read, so it never sent the workers their stop sentinels; an idle
    # worker keeps the task pipe's read lock, which terminate waits for: it hung for good.
    release = threading.Event()
    p = procpool.pool(2)
    items = _stalled(6, release)
    got = p.imap_ahead(abs, items, 2, 8) if ahead else p.imap(abs, items, 2)
    assert [next(got) for _ in range(6)] == list(range(6))
    time.sleep(0.3)  # both workers idle, the input still open
    done = threading.Thread(target=p.terminate, daemon=True)
    done.start()
    done.join(30)
    release.set()
    assert not done.is_alive(), "terminate hung while the input waited"


def _sigterm_is_default(_: object = None) -> bool:
    return signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_workers_die_of_sigterm_whatever_handler_their_parent_has():
    # index turns SIGTERM into an interruption (a forked child that gets it dies of it, as
    # below); its workers inherited that handler, which runs only when a worker is back in
    # the interpreter: one blocked on a lock when the signal came lived on after terminate,
    # and its parent hung waiting for it.
    parent = os.getpid()

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() != parent:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        with procpool.pool(2) as p:
            assert p.map(_sigterm_is_default, range(2)) == [True, True]
        with procpool.Pool(1, initializer=_sigterm_is_default, maxtasksperchild=1) as p:
            assert p.map(_sigterm_is_default, range(3)) == [True] * 3
    finally:
        signal.signal(signal.SIGTERM, before)


def test_imap_reads_its_input_only_a_little_ahead_of_the_workers():
    # compare --pairs feeds imap from a file: its input must not be read into memory whole
    # while the workers are busy (before a thread read it, the task pipe held it back).
    pulled = [0]

    def items():
        for _ in range(100_000):
            pulled[0] += 1
            yield 0.05

    with procpool.pool(1) as p:
        got = p.imap(time.sleep, items())
        assert next(got) is None
        time.sleep(1.0)  # about 20 done
        assert pulled[0] < 20_000
