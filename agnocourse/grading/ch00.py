"""Checks for chapter 0, asyncio from the ground up: concurrent tasks, async generators closed early, a blocking
call moved off the loop that stops when its task is cancelled, and a request id that follows every task under a
deadline over all of them."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail, shown
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import run_call
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_loop_free

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
        waits = sorted((rng.uniform(0.15, 0.3) for _ in names), reverse=True)
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
    """Draws 4 to 6 names and gives each `fetch(name)` call its own wait of 0.15 to 0.3 s, longest first, so the calls
    finish in the reverse of the order they were made; the answer runs once in a fresh event loop beside a heartbeat. It
    checks the returned list against each name's result (tagged with a token drawn per run) in the order of names, that
    `fetch` was called once per name, and that the loop never stalled for 0.1 s or more. It counts how many calls were
    in flight at once: all of them must be, at one moment (read from the calls themselves, not from the wall time,
    which a busy machine stretches)."""
    function = _coroutine_function(answer, "write `async def fetch_all(fetch, names)` and await the calls in it.")
    where = f"{_name(function)}()"
    names = rng.sample(WORDS, rng.randint(4, 6))
    service = _Service(names)
    call = run_call(lambda: function(service.fetch, list(names)))
    result, blocked = call.outcome, call.blocked
    if isinstance(result, RuntimeError) and "already running" in str(result):
        fail(
            TASKS,
            f"{where} raised RuntimeError: {result}.",
            "inside a coroutine function the event loop is already running: await the calls together "
            "(asyncio.gather or a TaskGroup) instead of run_until_complete() or asyncio.run().",
        )
    _expect_no_error(result, where)
    expected = [service.answer(name) for name in names]
    unawaited = isinstance(result, list | tuple) and any(inspect.isawaitable(item) for item in result)
    expect(
        isinstance(result, list | tuple) and list(result) == expected,
        TASKS,
        f"for names {names}, whose calls finish in the reverse order, {where} returned {shown(result)}.",
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
    expect_loop_free(
        where, blocked, "AGN107", "await fetch(name); never wait with a blocking call", latency=0.15, answer=function
    )
    expect(
        service.peak == len(names),
        TASKS,
        f"{where} made {len(names)} calls and at most {service.peak} of them were running at the same time.",
        "a coroutine starts only when awaited: create a task for every call before awaiting any "
        "(asyncio.TaskGroup or asyncio.gather).",
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

    pool = _Pool(rng.randint(3, 6))
    items, error = run_loop(_read(stream_rows, pool, None))
    _expect_no_error(error, where)
    expect(
        items == pool.rows,
        GENERATORS,
        f"{where} yielded {shown(items)}; the connection's rows were {shown(pool.rows)}.",
        "yield each row of `await conn.fetch_row()` until it returns None.",
    )
    expect(pool.acquired == 1, GENERATORS, f"{where} acquired {pool.acquired} connections.", "acquire one.")
    expect(not pool.out, GENERATORS, f"after the last row of {where} the connection was still lent out.", release_hint)

    pool = _Pool(rng.randint(5, 8))
    keep = rng.randint(1, 3)
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

    pool = _Pool(rng.randint(5, 8), fail_at=rng.randint(1, 3))
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
    count = rng.randint(6, 9)
    n = rng.randint(2, count - 2)
    numbers = _Numbers(count)
    seen = run_loop(_consume(take, numbers, n))
    _expect_no_error(seen.error, where)
    expect(
        seen.items == numbers.items[:n],
        GENERATORS,
        f"with n={n} on a source of {count} items, {where} yielded {shown(seen.items)}.",
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

    numbers = _Numbers(rng.randint(6, 9))
    seen = run_loop(_consume(take, numbers, len(numbers.items) - 1, stop_after=1))
    _expect_no_error(seen.error, f"aclose() on {where} after one item")
    expect(
        seen.closed,
        GENERATORS,
        f"the consumer read one item of {where} and closed it with aclose(); the source was still open.",
        close_hint,
    )

    short = _Numbers(rng.randint(1, 3))
    n = len(short.items) + rng.randint(1, 3)
    seen = run_loop(_consume(take, short, n))
    _expect_no_error(seen.error, f"{where} on a source shorter than n")
    expect(
        seen.items == short.items and seen.closed,
        GENERATORS,
        f"with n={n} on a source of only {len(short.items)} items, {where} yielded {shown(seen.items)}.",
        "when the source ends before n items, yield all of its items.",
    )


@exercise(
    "0.2", "Release what a stream holds when it stops early", points=4, rule="Python asyncio: closing async generators"
)
def close_early(stream_rows: Any, take: Any) -> None:
    """Reads `stream_rows(pool)` from a mock pool whose rows carry a token drawn per run three times: to its end (3 to 6
    rows), closed with `aclose()` after 1 to 3 of 5 to 8 rows, and with `fetch_row()` raising a connection error at a
    drawn row; it checks the rows yielded, one connection acquired, the connection released every time, the error
    reaching the consumer, and that `aclose()` raises no RuntimeError about GeneratorExit. It reads `take(source, n)`
    over a source generator that counts the items it produced and notes whether its `finally` ran: with n drawn below
    the source's length (exactly n items read, the first yielded after one read, the source closed at the end), closed
    with `aclose()` after one item (source closed), and with n above the length of a short source (every item yielded,
    source closed). Both answers must be async generator functions."""
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
    """Awaits `run_blocking(work)` beside a heartbeat with a blocking `work(stop)` of 0.3 s in 10 ms steps: the loop may
    not stall for 0.18 s or more, the result must be the one `work` returns (with a token drawn per run), and `work` is
    called once. Then it starts the call as a task over a job of 1.0 to 1.4 s (drawn), cancels the task after 0.1 s, and
    checks that awaiting the task raises CancelledError, that the job saw its `threading.Event` set and returned early,
    and that it stopped within a quarter of its remaining time after the cancel."""
    function = _coroutine_function(answer, "write `async def run_blocking(work)`.")
    where = f"{_name(function)}(work)"

    work = _StoppableWork(0.3)
    call = run_call(lambda: function(work))
    result, blocked = call.outcome, call.blocked
    expect_loop_free(
        where,
        blocked,
        "AGN107",
        "hand the blocking call to asyncio.to_thread(work, stop)",
        latency=0.3,
        answer=function,
    )
    _expect_no_error(result, where)
    expect(
        result == work.result(),
        THREADS,
        f"{where} returned {shown(result)}; work returned {work.result()!r} when left to finish.",
        "return what work(stop) returns; set the event only when the task is cancelled.",
    )
    expect(work.calls == 1, THREADS, f"{where} called work {work.calls} times.", "call it once.")

    work = _StoppableWork(rng.uniform(1.0, 1.4))
    outcome, cancelled_at = run_loop(_cancel_midway(function, work))
    expect(
        outcome is CANCELLED,
        THREADS,
        f"the task running {where} was cancelled after {CANCEL_AFTER} s, and the await "
        f"{'raised ' + type(outcome).__name__ if isinstance(outcome, BaseException) else 'returned ' + shown(outcome)}"
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


# -- 0.4 ---------------------------------------------------------------------------------------------------
CONTEXT = "Python asyncio: context variables"
DEADLINE = "Python asyncio: a deadline over many tasks"
LATE = "late"
CLEANUP = 0.02  # seconds a cancelled fetch spends cleaning up (an await, as closing a connection would be)
TOKEN_HINT = "keep the token that request_id_var.set() returns and call request_id_var.reset(token) on exit"


class _ScopeError(Exception):
    """Raised inside a `with request_scope(...)` block by the check."""


def _unset(var: contextvars.ContextVar[Any]) -> bool:
    """The variable holds no value in the current context (get() would give its default)."""
    return var not in contextvars.copy_context()


def _held(var: contextvars.ContextVar[Any]) -> str:
    return "no value" if _unset(var) else repr(var.get())


def _enter(request_scope: Callable[..., Any], request_id: str) -> Any:
    """`request_scope(request_id)` as the context manager a `with` statement needs, or a failure saying why not."""
    where = f"{_name(request_scope)}({request_id!r})"
    try:
        scope = request_scope(request_id)
    except Exception as error:  # the check reads the failure itself
        fail(CONTEXT, f"{where} raised {type(error).__name__}: {error}.", "run it yourself in a `with` block first.")
    if not (hasattr(scope, "__enter__") and hasattr(scope, "__exit__")):
        kind = "an async context manager" if hasattr(scope, "__aenter__") else shown(scope)
        fail(
            CONTEXT,
            f"{where} returned {kind}, which a `with` statement cannot use.",
            "make it a plain (sync) context manager: a class with __enter__ and __exit__, or a generator "
            "function decorated with contextlib.contextmanager.",
        )
    return scope


def _in_scope(var: contextvars.ContextVar[Any], request_scope: Callable[..., Any], request_id: str) -> str:
    """What the variable held inside the block, after entering `with request_scope(request_id)`."""
    with _enter(request_scope, request_id):
        return _held(var)


def _scope_step(step: Callable[[], Any], where: str) -> Any:
    try:
        return step()
    except AssertionError:
        raise
    except Exception as error:  # the check reads the failure itself
        text = str(error)
        if text.startswith("<Token"):  # "<Token used var=<ContextVar ...> at 0x...> has already been used once"
            text = f"a token {text.rsplit('> ', 1)[-1]}"
        fail(
            CONTEXT,
            f"{where} raised {type(error).__name__}: {text}.",
            f"{TOKEN_HINT}; each scope keeps its own token (a local variable, not a global one).",
        )


def _request_id(kind: str = "req") -> str:
    return f"{kind}-{secrets.token_hex(3)}"


def _check_scope(var: contextvars.ContextVar[Any], request_scope: Any) -> None:
    expect(
        callable(request_scope),
        CONTEXT,
        f"request_scope is {shown(request_scope)}, not something to call.",
        "define `request_scope(request_id)` as a context manager.",
    )

    # 1. Where the variable had no value: set inside the block, no value again after it.
    first = _request_id()
    where = f"with {_name(request_scope)}({first!r})"

    def fresh() -> tuple[str, str, bool]:
        inside = _in_scope(var, request_scope, first)
        return inside, _held(var), _unset(var)

    inside, after, unset = _scope_step(lambda: contextvars.Context().run(fresh), where)
    expect(
        inside == repr(first),
        CONTEXT,
        f"inside `{where}:` request_id_var held {inside}.",
        "set request_id_var to the request id when the block is entered.",
    )
    expect(
        after != repr(first),
        CONTEXT,
        f"after `{where}:` ended, request_id_var still held {first!r}: the scope set it and never restored it.",
        f"{TOKEN_HINT}.",
    )
    expect(
        unset,
        CONTEXT,
        f"request_id_var held no value before `{where}:` and {after} after it: the scope did not restore what "
        "was there before.",
        f"{TOKEN_HINT}: reset() restores the earlier state exactly, also 'no value at all'.",
    )

    # 2. Nested scopes, then a block that raises: each exit restores what its entry found.
    outer, middle, inner = _request_id("outer"), _request_id(), _request_id()

    def nested() -> list[str]:
        var.set(outer)
        seen: list[str] = []
        with _enter(request_scope, middle):
            seen.append(_held(var))
            with _enter(request_scope, inner):
                seen.append(_held(var))
            seen.append(_held(var))
        seen.append(_held(var))
        return seen

    where = f"`with {_name(request_scope)}({middle!r}):` around `with {_name(request_scope)}({inner!r}):`"
    seen = _scope_step(lambda: contextvars.Context().run(nested), f"{where}, with request_id_var at {outer!r},")
    wanted = [repr(middle), repr(inner), repr(middle), repr(outer)]
    expect(
        seen == wanted,
        CONTEXT,
        f"with request_id_var at {outer!r}, {where} left it at {', '.join(seen)} (inside the outer block, inside "
        f"the inner one, after the inner one, after both); expected {', '.join(wanted)}.",
        f"{TOKEN_HINT}; each scope keeps its own token, so nested scopes undo one another in turn.",
    )

    error = _ScopeError(f"failure {secrets.token_hex(3)}")

    def raising() -> tuple[BaseException | None, str]:
        var.set(outer)
        try:
            with _enter(request_scope, middle):
                raise error
        except AssertionError:
            raise
        except Exception as caught:  # the check reads the failure itself
            return caught, _held(var)
        return None, _held(var)

    where = f"`with {_name(request_scope)}({middle!r}):`"
    caught, after = _scope_step(lambda: contextvars.Context().run(raising), where)
    expect(
        caught is error,
        CONTEXT,
        f"a block {where} raised {error!r}, and its caller got "
        f"{'nothing: the scope swallowed it' if caught is None else repr(caught)}.",
        "let the block's exception through: restore the variable in `finally` (or in __exit__ returning None).",
    )
    expect(
        after == repr(outer),
        CONTEXT,
        f"with request_id_var at {outer!r}, a block {where} raised and left it at {after}.",
        f"restore it however the block ends: {TOKEN_HINT} in `finally` (or in __exit__).",
    )

    # 3. Two tasks, each in a scope of its own, whose blocks end in the other order than they began.
    ids = [_request_id(), _request_id()]

    async def one(request_id: str, pause: float) -> tuple[str, str]:
        with _enter(request_scope, request_id):
            await asyncio.sleep(pause)
            inside = _held(var)
        return inside, _held(var)

    async def two_tasks() -> list[tuple[str, str]]:
        first_task = asyncio.create_task(one(ids[0], 0.02))
        await asyncio.sleep(0.005)
        second_task = asyncio.create_task(one(ids[1], 0.0))
        outcomes = await asyncio.gather(first_task, second_task, return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
        return [outcome for outcome in outcomes if not isinstance(outcome, BaseException)]

    where = f"two tasks, each in `with {_name(request_scope)}(...)` at the same time"
    results = _scope_step(lambda: contextvars.Context().run(run_loop, two_tasks()), where)
    wanted_pairs = [(repr(request_id), "no value") for request_id in ids]
    expect(
        results == wanted_pairs,
        CONTEXT,
        f"in {where} (request ids {ids[0]!r} and {ids[1]!r}), request_id_var held "
        f"{' and '.join(inside for inside, _ in results)} inside the blocks and "
        f"{' and '.join(after for _, after in results)} after them.",
        f"{TOKEN_HINT}; keep the token per scope, not in a global that another scope overwrites.",
    )


@dataclass
class _Call:
    """One call of the check's fetch: the name, the request id it read, the task it ran in, and the moments
    (`time.perf_counter()`) it answered or its cancellation reached it."""

    name: str
    seen: str
    task: asyncio.Task[Any] | None
    cancelled: bool = False
    cleaned: bool = False
    answered_at: float | None = None
    cancelled_at: float | None = None


class _Backend:
    """`fetch(name)`, a coroutine function that reads request_id_var when it starts, waits the name's latency
    and returns a per-run answer. Like a handler might, it sets the variable for its own use, which must not be
    seen outside its task. Cancelled, it cleans up (one short await) and lets the CancelledError through."""

    def __init__(self, var: contextvars.ContextVar[Any], latency: dict[str, float]) -> None:
        self.var = var
        self.latency = latency
        self.token = secrets.token_hex(3)
        self.calls: list[_Call] = []
        self.running = 0
        self.peak = 0
        self.all_started = asyncio.Event()

    def answer(self, name: str) -> str:
        return f"{name}:{self.token}"

    def expected(self, late: set[str]) -> dict[str, str]:
        return {name: LATE if name in late else self.answer(name) for name in self.latency}

    async def fetch(self, name: str) -> str:
        call = _Call(name, _held(self.var), asyncio.current_task())
        self.calls.append(call)
        if len(self.calls) >= len(self.latency):
            self.all_started.set()
        self.var.set(f"set inside fetch({name!r})")
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await asyncio.sleep(self.latency.get(name, 0.1))
            call.answered_at = time.perf_counter()
        except asyncio.CancelledError:
            call.cancelled = True
            call.cancelled_at = time.perf_counter()
            await asyncio.sleep(CLEANUP)
            call.cleaned = True
            raise
        finally:
            self.running -= 1
        return self.answer(name)


@dataclass
class _Request:
    """One call of fetch_all_within under a request id, and what the check saw when it returned."""

    result: Any = None
    error: BaseException | None = None
    started: float = 0.0  # time.perf_counter() when fetch_all_within was called
    elapsed: float = 0.0
    after: str = ""  # what request_id_var held in the caller after the call
    still_running: list[_Call] = field(default_factory=list)  # fetch tasks not done when the call ended
    never_cancelled: list[_Call] = field(default_factory=list)  # those of them that nothing had cancelled


async def _request(
    fn: Callable[..., Any], backend: _Backend, request_id: str, seconds: float, record: _Request
) -> None:
    """Call `fn` as a request handler would, with request_id_var set to `request_id` in this task's context."""
    backend.var.set(request_id)
    started = record.started = time.perf_counter()
    try:
        record.result = await fn(backend.fetch, list(backend.latency), seconds)
    except Exception as error:  # the check reads the failure itself
        record.error = error
    finally:
        record.elapsed = time.perf_counter() - started
        record.still_running = [call for call in backend.calls if call.task is not None and not call.task.done()]
        record.never_cancelled = [call for call in record.still_running if call.task and not call.task.cancelling()]
        record.after = _held(backend.var)


async def _stop_strays(backends: list[_Backend]) -> None:
    """Cancel and await the fetch tasks an answer left running, so that the next part starts on a quiet loop."""
    strays = [c.task for b in backends for c in b.calls if c.task is not None and not c.task.done()]
    for task in strays:
        task.cancel()
    if strays:
        await asyncio.wait(strays, timeout=1.0)


def _expect_returned(record: _Request, where: str) -> None:
    if isinstance(record.error, TimeoutError):
        fail(
            DEADLINE,
            f"{where} raised TimeoutError.",
            "catch the TimeoutError that asyncio.timeout() raises when its block exits, and return the dict.",
        )
    if isinstance(record.error, BaseExceptionGroup):
        fail(
            DEADLINE,
            f"{where} raised {type(record.error).__name__}: {record.error}.",
            "a TaskGroup raises an ExceptionGroup when a task fails: here no fetch fails, so read the traceback.",
        )
    _expect_no_error(record.error, where)


def _expect_stopped(record: _Request, where: str) -> None:
    """No fetch task was still running when the call ended."""
    running = record.never_cancelled
    expect(
        not running,
        DEADLINE,
        f"{where}: when it ended, {len(running)} fetch task(s) ({', '.join(c.name for c in running)}) were "
        "still running: nothing cancelled them.",
        "a deadline must cancel the late work, not just stop waiting for it: cancel every task that has not "
        "finished (asyncio.timeout() around a TaskGroup does it for you).",
    )
    unawaited = [call.name for call in record.still_running]
    expect(
        not unawaited,
        DEADLINE,
        f"{where}: when it ended, {len(unawaited)} cancelled fetch task(s) ({', '.join(unawaited)}) had not "
        "finished: cancel() only asks, and their cleanup was still to run.",
        "after cancelling the late tasks, await them (asyncio.wait(pending) or asyncio.gather(*pending, "
        "return_exceptions=True)) before returning; a TaskGroup does that for you.",
    )


def _expect_stopped_at_deadline(
    record: _Request, backend: _Backend, late: set[str], where: str, seconds: float, slow: float
) -> None:
    """The late calls were stopped at the deadline: none answered before the call returned, and the cancellation
    reached each nearer the deadline than the moment it would have answered. Moments recorded by fetch itself, so a
    busy machine, which slows the code around the calls, moves neither the deadline's timer nor the late calls'."""
    returned = record.started + record.elapsed
    answered = [c for c in backend.calls if c.name in late and c.answered_at is not None and c.answered_at <= returned]
    cancelled = [c for c in backend.calls if c.name in late and c.cancelled_at is not None]
    tardy = [
        c for c in cancelled if c.cancelled_at is not None and c.cancelled_at - record.started >= (seconds + slow) / 2
    ]
    hint = (
        "stop at the deadline: put the tasks under `async with asyncio.timeout(seconds):`, or "
        "asyncio.wait(tasks, timeout=seconds) and cancel what is still pending."
    )
    if answered:
        fail(
            DEADLINE,
            f"{where} returned after {record.elapsed:.2f} s: it waited for {', '.join(c.name for c in answered)}, "
            f"which answered {min(c.answered_at or 0.0 for c in answered) - record.started:.2f} s after the start, "
            f"long past the deadline of {seconds} s.",
            hint,
            timing=True,
        )
    if tardy:
        first = min(c.cancelled_at or 0.0 for c in tardy) - record.started
        fail(
            DEADLINE,
            f"{where} returned after {record.elapsed:.2f} s: the cancellation reached "
            f"{', '.join(c.name for c in tardy)} only {first:.2f} s after the start, nearer the {slow:.2f} s "
            f"{'it' if len(tardy) == 1 else 'they'} would have taken than the deadline.",
            hint,
            timing=True,
        )


def _names(count: int) -> list[str]:
    return rng.sample(WORDS, count)


def _check_within(var: contextvars.ContextVar[Any], fn: Any) -> None:
    fn = _coroutine_function(fn, "write `async def fetch_all_within(fetch, names, seconds)`.")
    name = _name(fn)

    # 1. Two requests at once, every call in time: every result, each call in a task of its own that sees the
    # request id of the call that started it, all calls of a request overlapping, no waiting for the deadline.
    names = _names(rng.randint(6, 9))
    split = rng.randint(3, len(names) - 3)
    backends = [
        _Backend(var, {n: rng.uniform(0.1, 0.25) for n in names[:split]}),
        _Backend(var, {n: rng.uniform(0.1, 0.25) for n in names[split:]}),
    ]
    ids = [_request_id(), _request_id()]
    seconds = round(rng.uniform(1.5, 2.0), 2)
    records = [_Request(), _Request()]

    async def two_requests() -> None:
        async with asyncio.TaskGroup() as tg:
            for backend, request_id, record in zip(backends, ids, records, strict=True):
                tg.create_task(_request(fn, backend, request_id, seconds, record))
        await _stop_strays(backends)

    contextvars.Context().run(run_loop, two_requests())
    for backend, request_id, record in zip(backends, ids, records, strict=True):
        names = list(backend.latency)
        where = f"{name}(fetch, {names}, seconds={seconds}) under request id {request_id!r}"
        _expect_returned(record, where)
        expected = backend.expected(set())
        unawaited = isinstance(record.result, dict) and any(inspect.isawaitable(v) for v in record.result.values())
        marked_late = isinstance(record.result, dict) and [n for n in names if record.result.get(n) == LATE]
        if marked_late and record.result == backend.expected(set(marked_late)):
            fail(
                DEADLINE,
                f"{where}, every call answering within {max(backend.latency.values()):.2f} s, returned "
                f"{shown(record.result)}: {', '.join(marked_late)} marked late.",
                "mark late only the calls that had not finished when the deadline passed.",
                timing=True,
            )
        expect(
            record.result == expected,
            DEADLINE,
            f"{where}, every call in time, returned {shown(record.result)}.",
            "return the results, not the tasks: read task.result() once the task is done."
            if unawaited
            else "return a dict {name: what await fetch(name) returned} with one entry per name.",
        )
        called = sorted(call.name for call in backend.calls)
        expect(
            called == sorted(names),
            DEADLINE,
            f"{where} called fetch for {called}.",
            "call fetch once per name.",
        )
        tasks = {id(call.task) for call in backend.calls}
        expect(
            len(tasks) == len(names),
            TASKS,
            f"{where} ran its {len(names)} fetch calls in {len(tasks)} task(s): a set made in one call was seen "
            "by the next.",
            "run each `await fetch(name)` in a task of its own (asyncio.create_task or a TaskGroup).",
        )
        wrong = [call for call in backend.calls if call.seen != repr(request_id)]
        expect(
            not wrong,
            CONTEXT,
            f"{where}: fetch({wrong[0].name!r}) read request_id_var and found {wrong[0].seen}." if wrong else "",
            "create the tasks inside fetch_all_within, from the caller's context: a task copies the context "
            "current when it is created. Do not run them in another context or set the variable from elsewhere.",
        )
        expect(
            record.after == repr(request_id),
            CONTEXT,
            f"{where}: afterwards request_id_var held {record.after} in the caller: a fetch's own set leaked out.",
            "run each call in a task of its own, so that what it sets stays in the task's copy of the context.",
        )
        _expect_stopped(record, where)
        expect(
            backend.peak == len(names),
            TASKS,
            f"{where} made {len(names)} calls and at most {backend.peak} of them were running at the same time.",
            "create a task for every call before awaiting any (asyncio.TaskGroup, or create_task for each).",
        )
        # Moments, not a wall time: from the last answer to the return the answer only assembles its dict, however
        # busy the machine; waiting for the deadline puts the return at the deadline, long after the last answer.
        answered = max(call.answered_at or record.started for call in backend.calls) - record.started
        expect_timing(
            record.elapsed < (answered + seconds) / 2,
            DEADLINE,
            f"{where} returned after {record.elapsed:.2f} s; its calls had all answered by {answered:.2f} s.",
            "return as soon as every call has answered; the deadline is a limit, not a wait.",
        )

    # 2. A deadline that some calls miss: their entries marked late, at the deadline, and no task left running.
    names = _names(rng.randint(4, 6))
    late = set(rng.sample(names, rng.randint(1, 2)))
    slow = rng.uniform(1.2, 1.6)
    seconds = round(rng.uniform(0.25, 0.35), 2)
    backend = _Backend(var, {n: slow if n in late else rng.uniform(0.02, 0.08) for n in names})
    request_id = _request_id()
    record = _Request()
    where = f"{name}(fetch, {names}, seconds={seconds})"

    async def one_request() -> None:
        await _request(fn, backend, request_id, seconds, record)
        await _stop_strays([backend])

    contextvars.Context().run(run_loop, one_request())
    _expect_returned(record, where)
    late_names = ", ".join(sorted(late))
    _expect_stopped_at_deadline(record, backend, late, where, seconds, slow)
    in_time = (
        [n for n in names if n not in late and record.result.get(n) == LATE] if isinstance(record.result, dict) else []
    )
    if in_time and record.result == backend.expected(late | set(in_time)):
        fail(
            DEADLINE,
            f"{where}: {', '.join(in_time)} answered within 0.08 s, well before the deadline, yet the dict marks "
            f"{'it' if len(in_time) == 1 else 'them'} late.",
            "mark late only the calls still running when the deadline passed; keep every result that arrived.",
            timing=True,
        )
    expect(
        record.result == backend.expected(late),
        DEADLINE,
        f"{where}: {late_names} missed the deadline; it returned {shown(record.result)}.",
        f"give each name that missed the deadline the value {LATE!r} and keep the results that arrived.",
    )
    _expect_stopped(record, where)

    # 3. Cancelled from outside: the CancelledError reaches the caller, and no fetch task is left running.
    names = _names(rng.randint(3, 5))
    backend = _Backend(var, {n: rng.uniform(1.0, 1.5) for n in names})
    record = _Request()
    where = f"{name}(fetch, {names}, seconds=5.0), cancelled from outside while its calls were in flight"

    async def cancelled_from_outside() -> asyncio.Task[None]:
        task = asyncio.create_task(_request(fn, backend, _request_id(), 5.0, record))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(backend.all_started.wait(), 1.0)
        await asyncio.sleep(0.02)
        task.cancel()
        await asyncio.wait([task])
        await _stop_strays([backend])
        return task

    task = contextvars.Context().run(run_loop, cancelled_from_outside())
    if not task.cancelled():
        _expect_returned(record, where)
        fail(
            DEADLINE,
            f"{where}, returned {shown(record.result)} instead of ending cancelled: it swallowed the CancelledError.",
            "catch only TimeoutError; a CancelledError from outside must reach the caller.",
        )
    _expect_stopped(record, where)


@exercise(
    "0.4",
    "A request id in every task, a deadline over all of them",
    points=4,
    rule="Python asyncio: context variables and deadlines",
)
def request_within(var: Any, request_scope: Any, fetch_all_within: Any) -> None:
    """Enters `request_scope(request_id)` with request ids drawn per run in a fresh context (the id is set inside the
    block, no value after it), nested inside another scope, around a block that raises (the exception reaches the caller
    and the outer value is restored), and in two overlapping tasks whose blocks end in the reverse order. Then it awaits
    `fetch_all_within(fetch, names, seconds)` from two concurrent request tasks with their own ids, drawn names and
    latencies (0.1 to 0.25 s) under a 1.5 to 2.0 s deadline, and checks every result, one task per `fetch` call that
    reads its own request's id, nothing `fetch` sets leaking back into the caller, all calls in flight at once, and a
    return nearer the moment the last call answered than the deadline. With 1 or 2 drawn names taking 1.2 to 1.6 s
    against a 0.25 to 0.35 s deadline, it checks that no late call answered before the return and that the cancellation
    reached each nearer the deadline than the moment it would have answered (moments that `fetch` records, not a wall
    time), that exactly those names are marked `"late"`, and that every late `fetch` task was cancelled and had finished
    its cleanup await when the call returned. Last, it cancels the call from outside while its calls are in flight: the
    CancelledError must reach the caller and no `fetch` task may be left running."""
    expect(
        type(var) is contextvars.ContextVar,
        CONTEXT,
        f"the first answer is {shown(var)}, not a contextvars.ContextVar.",
        "leave the check cell as it is: it passes request_id_var from the setup cell.",
    )
    _check_scope(var, request_scope)
    _check_within(var, fetch_all_within)
