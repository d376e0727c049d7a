"""Run one check away from the notebook's own event loop, with a time limit the learner's code cannot defeat.

A Jupyter kernel already runs an event loop in its main thread, so a check cannot simply call
``asyncio.run``. `run_check` runs the check in a worker thread that has no loop of its own; the check starts
loops there with `run_loop`, which remembers the loop so that a timeout can cancel it. On timeout the worker
is stopped twice over: its main task is cancelled (this ends an ``await`` that never returns) and an
exception is raised in the thread (this ends a busy ``while True`` loop), then `CheckTimeout` is raised in
the notebook, where the grader reports the exercise as timed out.

The limit is for the learner's code: work the check does with its own tools (pyright) runs inside `untimed`,
whose time is added to the limit, so that a loaded machine slowing pyright down does not time out a right answer.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from agnocourse.grading.feedback import TimingFailed
from agnocourse.grading.registry import DEFAULT_LIMIT

T = TypeVar("T")

# The default pool's largest size, for every loop a check runs: how many blocking calls asyncio.to_thread() runs at
# once is then the same on every machine (by default it is the number of cores plus four, five on one core).
TO_THREAD_WORKERS = 32


class CheckTimeout(AssertionError):
    """The learner's code did not finish within the check's time limit."""


class _Stop(BaseException):
    """Raised inside a timed-out worker thread to end a busy loop."""


class _Worker:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task[Any] | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.untimed = 0.0  # seconds spent in `untimed` blocks that have ended
        self.untimed_since: float | None = None  # when the current `untimed` block began

    def allowance(self) -> float:
        """The seconds the check has spent on its own work so far, which its limit does not count."""
        since = self.untimed_since
        return self.untimed + (0.0 if since is None else time.monotonic() - since)


_current = threading.local()


def timeout_seconds(limit: float = DEFAULT_LIMIT) -> float:
    """The per-check limit: AGNOCOURSE_CHECK_TIMEOUT when set (the tests raise it), else `limit`."""
    return float(os.environ.get("AGNOCOURSE_CHECK_TIMEOUT", limit))


@contextmanager
def untimed() -> Iterator[None]:
    """Run the check's own work (not the learner's code) without counting its time against the check's limit."""
    worker: _Worker | None = getattr(_current, "worker", None)
    if worker is None or worker.untimed_since is not None:
        yield
        return
    worker.untimed_since = time.monotonic()
    try:
        yield
    finally:
        worker.untimed += time.monotonic() - worker.untimed_since
        worker.untimed_since = None


def run_loop(coro: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` for checks: a fresh loop in the worker thread, cancellable from outside on timeout, whose
    default executor has `TO_THREAD_WORKERS` threads (asyncio.run shuts it down with the loop)."""
    worker: _Worker | None = getattr(_current, "worker", None)

    async def main() -> T:
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=TO_THREAD_WORKERS, thread_name_prefix="asyncio")
        )
        if worker is not None:
            worker.loop = asyncio.get_running_loop()
            worker.task = asyncio.current_task()
        return await coro

    try:
        return asyncio.run(main())
    finally:
        if worker is not None:
            worker.loop = worker.task = None


def _stop_thread(thread: threading.Thread, worker: _Worker) -> None:
    loop, task = worker.loop, worker.task
    if loop is not None and task is not None:
        loop.call_soon_threadsafe(task.cancel)
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(_Stop))


def run_check(label: str, check: Callable[[], None], timeout: float | None = None) -> None:
    """Run `check`; when it fails on a measured time, run it once more and report the second outcome."""
    try:
        _run_once(label, check, timeout)
    except TimingFailed:
        _run_once(label, check, timeout)


def _run_once(label: str, check: Callable[[], None], timeout: float | None) -> None:
    """Run `check` in a worker thread; re-raise what it raised, or `CheckTimeout` after `timeout` seconds."""
    limit = timeout_seconds() if timeout is None else timeout
    worker = _Worker()
    # Set by the check's thread itself once the check returned or raised: not thread.is_alive(), which reads state
    # the learner's code, running in that thread, can change (marking the thread stopped while it still runs).
    finished = threading.Event()

    def target() -> None:
        _current.worker = worker
        try:
            check()
        except BaseException as error:
            worker.error = error
        finally:
            finished.set()

    thread = threading.Thread(target=target, name=f"check {label}", daemon=True)
    started = time.monotonic()
    thread.start()
    while not finished.is_set() and (left := started + limit + worker.allowance() - time.monotonic()) > 0:
        finished.wait(min(left, 0.5))
    if not finished.is_set():
        _stop_thread(thread, worker)
        thread.join(2.0)
        raise CheckTimeout(
            f"{label} timed out: the code under test did not finish within {limit:g} s. "
            "Look for a loop that never ends, or an await that never returns."
        )
    if worker.error is not None:
        raise worker.error.with_traceback(None)
