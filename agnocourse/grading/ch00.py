"""Checks for chapter 0, asyncio from the ground up: concurrent tasks, async generators closed early, and a
blocking call moved off the loop that stops when its task is cancelled."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import random
import reprlib
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import run_async_paths
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_loop_free, overlapped

TASKS = "Concurrency comes from tasks"
GENERATORS = "An async generator closed early runs its cleanup"
THREADS = "A thread stops only when asked"


def _name(answer: Any) -> str:
    return getattr(answer, "__name__", repr(answer))


def _coroutine_function(answer: Any, hint: str) -> Callable[..., Any]:
    expect(
        inspect.iscoroutinefunction(answer),
        "Result",
        f"{_name(answer)} is not an async function.",
        hint,
    )
    return answer


def _outcome(function: Callable[..., Any], *args: Any) -> Callable[[], AsyncIterator[Any]]:
    """An async path for the probes that yields what the call returned, or the exception it raised."""

    async def path() -> AsyncIterator[Any]:
        try:
            yield await function(*args)
        except Exception as error:  # the check reads the failure itself
            yield error

    return path


def _run_once(function: Callable[..., Any], *args: Any) -> tuple[Any, float, float]:
    """Run one call beside the loop-blockage ticker: its result (or exception), wall time, longest block."""
    runs, seconds, blocked = run_async_paths([_outcome(function, *args)], f"{_name(function)}()")
    return runs[0].items[0], seconds, blocked


def _shown(value: Any) -> str:
    """A short repr: long lists and objects such as tasks are cut, so one message stays one readable line."""
    short = reprlib.Repr()
    short.maxlist, short.maxstring, short.maxother = 8, 60, 40
    return short.repr(value)


def _expect_no_error(result: Any, where: str) -> None:
    if isinstance(result, BaseException):
        fail("Result", f"{where} raised {type(result).__name__}: {result}.", "run it yourself in a cell first.")


# -- 0.1 ---------------------------------------------------------------------------------------------------
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo"]


class _Service:
    """`fetch(name)`, a coroutine function whose calls wait 0.15 to 0.3 s each, the first name longest, so
    the calls finish in the reverse of the order they were made. It notes each call and how many ran at once."""

    def __init__(self, names: list[str]) -> None:
        self.token = secrets.token_hex(3)
        waits = sorted((random.uniform(0.15, 0.3) for _ in names), reverse=True)
        self.latency = dict(zip(names, waits, strict=True))
        self.calls: list[str] = []
        self.running = 0
        self.peak = 0

    def answer(self, name: str) -> str:
        return f"{name}:{self.token}"

    async def fetch(self, name: str) -> str:
        self.calls.append(name)
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await asyncio.sleep(self.latency.get(name, 0.15))
        finally:
            self.running -= 1
        return self.answer(name)


@exercise("0.1", "Every call at once, results in order", points=3, rule="Python asyncio: tasks and gather")
def fetch_all(answer: Any) -> None:
    function = _coroutine_function(answer, "write `async def fetch_all(fetch, names)` and await the calls in it.")
    where = f"{_name(function)}()"
    names = random.sample(WORDS, random.randint(4, 6))
    service = _Service(names)
    result, seconds, blocked = _run_once(function, service.fetch, list(names))
    _expect_no_error(result, where)
    expected = [service.answer(name) for name in names]
    unawaited = isinstance(result, list | tuple) and any(inspect.isawaitable(item) for item in result)
    expect(
        isinstance(result, list | tuple) and list(result) == expected,
        TASKS,
        f"for names {names}, whose calls finish in the reverse order, {where} returned {_shown(result)}.",
        "return the results, not the tasks: await each task, or read task.result() after the TaskGroup."
        if unawaited
        else "return a list holding fetch(name)'s result for each name, in the order of names.",
    )
    expect(
        sorted(service.calls) == sorted(names),
        TASKS,
        f"{where} called fetch with {service.calls} for names {names}.",
        "call fetch once per name.",
    )
    expect_loop_free(where, blocked, "AGN107", "await fetch(name); never wait with a blocking call", latency=0.15)
    expect(
        service.peak == len(names),
        TASKS,
        f"{where} made {len(names)} calls and at most {service.peak} of them were running at the same time.",
        "a coroutine starts only when awaited: create a task for every call before awaiting any "
        "(asyncio.TaskGroup or asyncio.gather).",
    )
    waits = sum(service.latency.values())
    expect_timing(
        overlapped(seconds, waits),
        TASKS,
        f"{where} took {seconds:.2f} s for calls whose waits add up to {waits:.2f} s.",
        "start every call before awaiting any, so that their waits overlap.",
    )


# -- 0.2 ---------------------------------------------------------------------------------------------------
class RowError(ConnectionError):
    """The (mock) database lost the connection while a row was being fetched."""


class _Connection:
    def __init__(self, rows: list[str], fail_at: int | None) -> None:
        self.rows = rows
        self.fail_at = fail_at
        self.fetched = 0

    async def fetch_row(self) -> str | None:
        await asyncio.sleep(0)
        if self.fetched == self.fail_at:
            raise RowError(f"connection lost at row {self.fetched}")
        if self.fetched >= len(self.rows):
            return None
        self.fetched += 1
        return self.rows[self.fetched - 1]


class _Pool:
    """A mock connection pool: `await pool.acquire()` lends a connection, `await pool.release(conn)` takes it back."""

    def __init__(self, count: int, fail_at: int | None = None) -> None:
        token = secrets.token_hex(3)
        self.rows = [f"row {i} {token}" for i in range(count)]
        self.fail_at = fail_at
        self.acquired = 0
        self.out: list[_Connection] = []

    async def acquire(self) -> _Connection:
        await asyncio.sleep(0)
        self.acquired += 1
        connection = _Connection(self.rows, self.fail_at)
        self.out.append(connection)
        return connection

    async def release(self, connection: _Connection) -> None:
        await asyncio.sleep(0)
        if connection not in self.out:
            raise ValueError("release() got a connection that is not lent out (released twice?)")
        self.out.remove(connection)


async def _read(stream_rows: Callable[..., Any], pool: _Pool, keep: int | None) -> tuple[list[Any], Any]:
    """Read the whole stream (keep=None), or `keep` items and then aclose() it; returns items and any error."""
    items: list[Any] = []
    stream = stream_rows(pool)
    try:
        if keep is None:
            async for row in stream:
                items.append(row)
        else:
            for _ in range(keep):
                items.append(await anext(stream))
            await stream.aclose()
    except Exception as error:  # the check reads the failure itself
        if keep is not None:
            await _drain(stream)
        return items, error
    return items, None


async def _drain(stream: Any, limit: int = 1000) -> None:
    """Run a generator that refused to close on to its end, so that it is not left suspended, to fail again
    when the loop shuts down or when it is garbage-collected."""
    with contextlib.suppress(Exception):
        for _ in range(limit):
            await anext(stream)


def _check_stream_rows(stream_rows: Any) -> None:
    where = f"{_name(stream_rows)}(pool)"
    expect(
        inspect.isasyncgenfunction(stream_rows),
        GENERATORS,
        f"{_name(stream_rows)} is not an async generator function.",
        "write it as `async def stream_rows(pool)` that uses `yield`.",
    )
    release_hint = "release the connection in a `finally:` block around the loop that yields the rows."

    pool = _Pool(random.randint(3, 6))
    items, error = run_loop(_read(stream_rows, pool, None))
    _expect_no_error(error, where)
    expect(
        items == pool.rows,
        GENERATORS,
        f"{where} yielded {_shown(items)}; the connection's rows were {_shown(pool.rows)}.",
        "yield each row of `await conn.fetch_row()` until it returns None.",
    )
    expect(pool.acquired == 1, GENERATORS, f"{where} acquired {pool.acquired} connections.", "acquire one.")
    expect(not pool.out, GENERATORS, f"after the last row of {where} the connection was still lent out.", release_hint)

    pool = _Pool(random.randint(5, 8))
    keep = random.randint(1, 3)
    items, error = run_loop(_read(stream_rows, pool, keep))
    if isinstance(error, RuntimeError) and "GeneratorExit" in str(error):
        fail(
            GENERATORS,
            f"after {keep} rows, aclose() on {where} raised RuntimeError: {error}.",
            "let GeneratorExit through: clean up in `finally`, and do not yield after it.",
        )
    _expect_no_error(error, f"aclose() after {keep} rows of {where}")
    expect(
        not pool.out,
        GENERATORS,
        f"the consumer read {keep} rows of {where} and called aclose(); the connection was still lent out.",
        release_hint,
    )

    pool = _Pool(random.randint(5, 8), fail_at=random.randint(1, 3))
    items, error = run_loop(_read(stream_rows, pool, None))
    expect(
        isinstance(error, RowError),
        GENERATORS,
        f"fetch_row() raised RowError at row {pool.fail_at} and the consumer of {where} got "
        f"{'no error' if error is None else type(error).__name__} after {len(items)} rows.",
        "let the error reach the consumer: do not catch it inside the generator.",
    )
    expect(
        not pool.out,
        GENERATORS,
        f"fetch_row() raised RowError at row {pool.fail_at}; afterwards the connection was still lent out.",
        release_hint,
    )


class _Numbers:
    """A source stream of numbered items that notes how many were read and whether its cleanup ran."""

    def __init__(self, count: int) -> None:
        token = secrets.token_hex(3)
        self.items = [f"item {i} {token}" for i in range(count)]
        self.read = 0
        self.closed = False

    async def stream(self) -> AsyncIterator[str]:
        try:
            for item in self.items:
                await asyncio.sleep(0)
                self.read += 1
                yield item
        finally:
            self.closed = True


@dataclass
class _Taken:
    """What the consumer of take(source, n) saw."""

    items: list[Any]
    error: Exception | None = None
    read_at_first: int | None = None  # items read from the source when the first one reached the consumer
    closed: bool = False  # whether the source was closed when take's generator ended or was closed


async def _consume(take: Callable[..., Any], numbers: _Numbers, n: int, stop_after: int | None = None) -> _Taken:
    """Read take(source, n) to its end, or (stop_after) read that many items and then aclose() it."""
    seen = _Taken([])
    taken = take(numbers.stream(), n)
    try:
        if stop_after is None:
            async for item in taken:
                if seen.read_at_first is None:
                    seen.read_at_first = numbers.read
                seen.items.append(item)
        else:
            for _ in range(stop_after):
                seen.items.append(await anext(taken))
            await taken.aclose()
    except Exception as error:  # the check reads the failure itself
        seen.error = error
    seen.closed = numbers.closed
    return seen


def _check_take(take: Any) -> None:
    expect(
        inspect.isasyncgenfunction(take),
        GENERATORS,
        f"{_name(take)} is not an async generator function.",
        "write it as `async def take(stream, n)` that yields the items.",
    )
    where = f"{_name(take)}(source, n)"
    close_hint = "close the source in `finally` around the loop, or iterate it inside `async with aclosing(stream)`."
    count = random.randint(6, 9)
    n = random.randint(2, count - 2)
    numbers = _Numbers(count)
    seen = run_loop(_consume(take, numbers, n))
    _expect_no_error(seen.error, where)
    expect(
        seen.items == numbers.items[:n],
        GENERATORS,
        f"with n={n} on a source of {count} items, {where} yielded {_shown(seen.items)}.",
        "yield the first n items of the source, in order.",
    )
    expect(
        numbers.read == n,
        GENERATORS,
        f"with n={n}, {where} read {numbers.read} items from the source.",
        "stop asking for items once you have n: every item read is work the source did for nothing.",
    )
    expect(
        seen.read_at_first == 1,
        "AGN103",
        f"when the first item reached the consumer, {where} had read {seen.read_at_first} items from the source.",
        "yield each item as soon as it arrives, inside the `async for`.",
    )
    expect(
        seen.closed,
        GENERATORS,
        f"when {where} ended, the source was still open: its cleanup (finally) had not run.",
        close_hint,
    )

    numbers = _Numbers(random.randint(6, 9))
    seen = run_loop(_consume(take, numbers, len(numbers.items) - 1, stop_after=1))
    _expect_no_error(seen.error, f"aclose() on {where} after one item")
    expect(
        seen.closed,
        GENERATORS,
        f"the consumer read one item of {where} and closed it with aclose(); the source was still open.",
        close_hint,
    )

    short = _Numbers(random.randint(1, 3))
    n = len(short.items) + random.randint(1, 3)
    seen = run_loop(_consume(take, short, n))
    _expect_no_error(seen.error, f"{where} on a source shorter than n")
    expect(
        seen.items == short.items and seen.closed,
        GENERATORS,
        f"with n={n} on a source of only {len(short.items)} items, {where} yielded {_shown(seen.items)}.",
        "when the source ends before n items, yield all of its items.",
    )


@exercise(
    "0.2", "Release what a stream holds when it stops early", points=4, rule="Python asyncio: closing async generators"
)
def close_early(stream_rows: Any, take: Any) -> None:
    _check_stream_rows(stream_rows)
    _check_take(take)


# -- 0.3 ---------------------------------------------------------------------------------------------------
CANCEL_AFTER = 0.1  # seconds after the start that the check cancels the task


class _StoppableWork:
    """A blocking job (`work(stop)`) of `seconds` in 10 ms steps; it stops early once `stop.is_set()`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.token = secrets.token_hex(3)
        self.calls = 0
        self.stopped = False
        self.ended_at: float | None = None
        self.done = threading.Event()

    def result(self) -> str:
        return f"report {self.token}"

    def __call__(self, stop: Any) -> str:
        self.calls += 1
        deadline = time.perf_counter() + self.seconds
        try:
            while time.perf_counter() < deadline:
                if stop.is_set():
                    self.stopped = True
                    return "stopped"
                time.sleep(0.01)
            return self.result()
        finally:
            self.ended_at = time.perf_counter()
            self.done.set()


CANCELLED = object()


async def _cancel_midway(run_blocking: Callable[..., Any], work: _StoppableWork) -> tuple[Any, float]:
    """Start run_blocking(work), cancel it after CANCEL_AFTER s; returns its outcome and the moment of cancel."""
    task = asyncio.create_task(run_blocking(work))
    await asyncio.sleep(CANCEL_AFTER)
    cancelled_at = time.perf_counter()
    task.cancel()
    try:
        outcome = await task
    except asyncio.CancelledError:
        outcome = CANCELLED
    except Exception as error:  # the check reads the failure itself
        outcome = error
    await asyncio.to_thread(work.done.wait, work.seconds + 2.0)  # the thread ends before the check goes on
    return outcome, cancelled_at


@exercise("0.3", "A blocking call off the loop, stopped when its task is cancelled", points=3, rule="AGN107")
def stoppable(answer: Any) -> None:
    function = _coroutine_function(answer, "write `async def run_blocking(work)`.")
    where = f"{_name(function)}(work)"

    work = _StoppableWork(0.3)
    result, _, blocked = _run_once(function, work)
    expect_loop_free(where, blocked, "AGN107", "hand the blocking call to asyncio.to_thread(work, stop)", latency=0.3)
    _expect_no_error(result, where)
    expect(
        result == work.result(),
        THREADS,
        f"{where} returned {_shown(result)}; work returned {work.result()!r} when left to finish.",
        "return what work(stop) returns; set the event only when the task is cancelled.",
    )
    expect(work.calls == 1, THREADS, f"{where} called work {work.calls} times.", "call it once.")

    work = _StoppableWork(random.uniform(1.0, 1.4))
    outcome, cancelled_at = run_loop(_cancel_midway(function, work))
    expect(
        outcome is CANCELLED,
        THREADS,
        f"the task running {where} was cancelled after {CANCEL_AFTER} s, and the await "
        f"{'raised ' + type(outcome).__name__ if isinstance(outcome, BaseException) else 'returned ' + _shown(outcome)}"
        ", so the caller cannot tell that it was cancelled.",
        "after setting the event, re-raise CancelledError (or set it in `finally`).",
    )
    expect(
        work.stopped,
        THREADS,
        f"the task running {where} was cancelled after {CANCEL_AFTER} s; the blocking call in its thread ran on "
        f"to its end ({work.seconds:.1f} s), because nothing told it to stop.",
        "a thread cannot be cancelled: set the threading.Event passed to work when the task is cancelled "
        "(CancelledError is not an Exception).",
    )
    assert work.ended_at is not None
    lag = work.ended_at - cancelled_at
    expect_timing(
        lag < 0.25 * (work.seconds - CANCEL_AFTER),
        THREADS,
        f"the blocking call stopped {lag:.2f} s after its task was cancelled.",
        "set the event as soon as the CancelledError arrives.",
    )
