"""Checks for chapter 4, Parallel execution: TaskGroup, gather with return_exceptions, blocking calls on both paths,
and each kind of call where it runs best (the loop, a thread, a process)."""

from __future__ import annotations

import asyncio
import functools
import inspect
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from agno.agent import RunResponse
from agno.run.response import RunEvent

from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, fail
from agnocourse.grading.paths import async_runs, dual_classes, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, expect_clean, expect_together, run_call
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_loop_free
from agnocourse.timeline import Timeline
from agnocourse.tools import (
    AsyncFinancialTools,
    LegacyReportTool,
    RiskModel,
    SymbolNotFoundError,
    company_financials,
    income_statement,
    stock_price,
)

PARALLEL = "Parallel execution"
BLOCKING_HINT = "await the async tools; a blocking call goes through asyncio.to_thread"
LATENCY = 0.3  # seconds per mock call
# Error- and warning-level codes only: advice (AGN202) never fails an exercise on its own; behaviour decides.
ASYNC_CODES = ("AGN104", "AGN107", "AGN201")
# Drawn per run; AAPL and MSFT, the examples in the exercise texts, are left out so that an answer hard-coded
# for an example never matches by chance.
SYMBOL_POOL = ["GOOGL", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE"]


def _draw(count: int) -> list[str]:
    """Symbols for one run, drawn anew each time so that no hard-coded answer can match them."""
    return rng.sample(SYMBOL_POOL, count)


def _name(answer: Any) -> str:
    return getattr(answer, "__name__", repr(answer))


def _coroutine_function(answer: Any) -> Callable[..., Any]:
    expect(
        inspect.iscoroutinefunction(answer),
        PARALLEL,
        f"{_name(answer)} is not an async function.",
        "write it as `async def ...` and await the tools' calls.",
    )
    return answer


def _expect_concurrent(where: str, timeline: Timeline, calls: int, hint: str) -> None:
    """The `calls` calls the tool recorded were all in flight at one moment: read from their spans, which a busy
    machine does not shorten into overlap, rather than from a wall time, which it stretches past any threshold."""
    expect_together(timeline.spans, calls, PARALLEL, where, hint)


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


# -- 4.1 ---------------------------------------------------------------------------------------------------
FAIL_AFTER = 0.05  # seconds: one call fails early, while the other two still have most of their latency to go


@dataclass
class _Raised:
    error: BaseException
    still_running: list[str]  # calls neither finished nor cancelled when the exception reached the caller


class _OneEarlyFailure(AsyncFinancialTools):
    """One of the three calls, chosen per run, fails after FAIL_AFTER s; the others would take the full latency.

    A TaskGroup cancels the two that are still running and waits for them, so when its ExceptionGroup reaches
    the caller it holds the one failure and nothing is left running.
    """

    def __init__(self, latency: float) -> None:
        super().__init__(latency=latency)
        self.failing = rng.choice(["income", "financials", "price"])
        self.started: list[str] = []
        self.finished: list[str] = []
        self.cancelled: list[str] = []

    async def _fetch(self, method: str, symbol: str, data: Any) -> dict[str, Any]:
        with self._call(method, symbol):
            self.started.append(method)
            try:
                if method == self.failing:
                    await asyncio.sleep(FAIL_AFTER)
                    raise SymbolNotFoundError(f"no data for symbol {symbol!r}")
                await asyncio.sleep(self.latency)
            except asyncio.CancelledError:
                self.cancelled.append(method)
                raise
            self.finished.append(method)
            return data(symbol)

    def settled_on_exit(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function`, with what was still running noted at the moment its exception reached the caller."""

        async def call(*args: Any) -> Any:
            try:
                return await function(*args)
            except Exception as error:  # the check reads the failure itself
                running = [m for m in self.started if m != self.failing and m not in self.cancelled + self.finished]
                return _Raised(error, running)

        call.__name__ = getattr(function, "__name__", "call")
        return call


def _siblings(running: list[str], finished: list[str]) -> str:
    parts = [f"{', '.join(running)} still running"] if running else []
    parts += [f"{', '.join(finished)} run to the end"] if finished else []
    return " and ".join(parts)


@exercise(
    "4.1", "All three or nothing: a TaskGroup", points=3, rule="Always do 3: Parallel Execution Patterns (TaskGroup)"
)
def taskgroup_report(answer: Any) -> None:
    """Draws two symbols from a pool of ten, then awaits the answer beside a heartbeat with three async tools of 0.3 s
    per call: it checks the dict of income, financials and price against the tools' data for the first symbol, one call
    per tool, a loop that never stalled for 0.18 s or more, and the three calls all in flight at one moment, as their
    recorded spans show. On the second symbol one of the three calls, drawn per run, fails after 0.05 s: the answer must
    raise (an ExceptionGroup or the error itself) carrying exactly one SymbolNotFoundError, and when the exception
    reached the caller the other two calls must have received their cancellation, none having run to its end. The rule
    checker's codes AGN104, AGN107 and AGN201 run on the function."""
    fetch_report = _coroutine_function(answer)
    where = f"{_name(fetch_report)}()"
    report_symbol, symbol = _draw(2)
    calls = Timeline()  # each call's span, to see whether they overlapped
    tools = AsyncFinancialTools(latency=LATENCY, timeline=calls)
    call = run_call(lambda: fetch_report(tools, report_symbol))
    result, blocked = call.outcome, call.blocked
    if isinstance(result, Exception):
        fail(PARALLEL, f"{where} raised {type(result).__name__}: {result}.", "run the function yourself in a cell.")
    expected = {
        "income": income_statement(report_symbol),
        "financials": company_financials(report_symbol),
        "price": stock_price(report_symbol),
    }
    expect(
        result == expected,
        PARALLEL,
        f"for {report_symbol} {where} returned {result!r}.",
        "return a dict with the keys income, financials and price, each the matching tool's result.",
    )
    expect(
        sorted(tools.calls) == sorted(f"{m}({report_symbol})" for m in ("income", "financials", "price")),
        PARALLEL,
        f"{where} made the calls {tools.calls}.",
        "call each of the three tools once.",
    )
    expect_loop_free(where, blocked, "AGN107", BLOCKING_HINT, latency=LATENCY, answer=fetch_report)
    _expect_concurrent(where, calls, 3, "start all three calls before waiting for any: create them in a TaskGroup.")

    failing = _OneEarlyFailure(latency=LATENCY)
    raised = run_call(lambda: failing.settled_on_exit(fetch_report)(failing, symbol)).outcome
    if not isinstance(raised, _Raised):
        fail(
            PARALLEL,
            f"{failing.failing}({symbol}) failed after {FAIL_AFTER} s and {where} returned {raised!r} instead of "
            "raising.",
            "the report needs all three figures: let the failure propagate out of the TaskGroup.",
        )
    reported = [leaf for leaf in _leaves(raised.error) if isinstance(leaf, SymbolNotFoundError)]
    expect(
        len(reported) == 1,
        PARALLEL,
        f"{failing.failing}({symbol}) failed after {FAIL_AFTER} s and {where} raised "
        f"{type(raised.error).__name__} reporting {len(reported)} such failure(s).",
        "let the failure propagate: do not catch it inside the function.",
    )
    expect(
        not raised.still_running and not failing.finished,
        PARALLEL,
        f"{failing.failing}({symbol}) failed after {FAIL_AFTER} s; when {where} raised, the other calls had "
        f"{_siblings(raised.still_running, failing.finished)}.",
        "a TaskGroup cancels the calls still running when one fails, and waits for them before it raises.",
    )
    expect_clean(fetch_report, ASYNC_CODES, "start the calls as tasks of an asyncio.TaskGroup.")


# -- 4.2 ---------------------------------------------------------------------------------------------------
def _board() -> tuple[list[str], set[str]]:
    """Five symbols in a random order, two of them (at random places) unknown to the provider."""
    board = _draw(5)
    return board, set(rng.sample(board, 2))


def _board_line(symbol: str, fails: set[str]) -> str:
    if symbol in fails:
        return f"{symbol}: {SymbolNotFoundError(f'no data for symbol {symbol!r}')}"
    return f"{symbol}: {stock_price(symbol)['price_usd']} USD"


@exercise("4.2", "Every result and every failure: gather", points=3, rule="AGN202")
def gather_board(answer: Any) -> None:
    """Draws 5 symbols from a pool of ten, 2 of them (at drawn places) unknown to an async price tool of 0.3 s per call,
    and awaits the answer once beside a heartbeat. The answer may not raise: it must return one line per symbol in order
    (the price, or the symbol with the tool's error text), call the tool once per symbol, keep the loop from stalling
    for 0.18 s or more, and have all 5 calls in flight at one moment, as their recorded spans show. The rule checker's
    codes AGN104, AGN107 and AGN201 run on the function (AGN202 itself is advice and is judged by behaviour)."""
    price_board = _coroutine_function(answer)
    where = f"{_name(price_board)}()"
    board, fails = _board()
    calls = Timeline()  # each call's span, to see whether they overlapped
    tools = AsyncFinancialTools(latency=LATENCY, fail_for=fails, timeline=calls)
    call = run_call(lambda: price_board(tools, list(board)))
    result, blocked = call.outcome, call.blocked
    if isinstance(result, Exception):
        fail(
            "AGN202",
            f"for {len(board)} symbols, {len(fails)} of them unknown, {where} raised "
            f"{type(result).__name__} ({result}), so the good prices were lost too.",
            "let every call finish and handle each result or exception on its own.",
        )
    expected = [_board_line(symbol, fails) for symbol in board]
    expect(
        result == expected,
        PARALLEL,
        f"for {board} ({', '.join(sorted(fails))} unknown) {where} returned {result!r}.",
        "one line per symbol, in order: '<symbol>: <price_usd> USD', or '<symbol>: <the error>' when it failed.",
    )
    expect(
        sorted(tools.calls) == sorted(f"price({symbol})" for symbol in board),
        PARALLEL,
        f"for {board} {where} made the calls {tools.calls}.",
        "call tools.get_stock_price(symbol) once for every symbol.",
    )
    expect_loop_free(where, blocked, "AGN107", BLOCKING_HINT, latency=LATENCY, answer=price_board)
    _expect_concurrent(where, calls, len(board), "start every call before waiting for any.")
    expect_clean(price_board, ASYNC_CODES, "await the tool's calls; keep a reference to every task you start.")


# -- 4.3 ---------------------------------------------------------------------------------------------------
COMPLETED = RunEvent.workflow_completed.value
SYNC_CODES = ("AGN101", "AGN105", "AGN108", "AGN110")
WORKFLOW_ASYNC_CODES = (*ASYNC_CODES, "AGN108", "AGN110", "AGN111")


def _expect_ratings(items: list[Any], where: str, symbols: list[str], legacy: LegacyReportTool) -> None:
    expect(
        sorted(legacy.calls) == sorted(f"legacy({symbol})" for symbol in symbols),
        PARALLEL,
        f"for {symbols} {where} made the calls {legacy.calls}.",
        "call self.legacy.blocking_method(symbol) once for every symbol.",
    )
    expected = ", ".join(
        f"{rating['symbol']}: {rating['rating']}"
        for rating in map(LegacyReportTool(latency=0).blocking_method, symbols)
    )
    last = items[-1] if items else None
    expect(
        isinstance(last, RunResponse) and last.event == COMPLETED,
        "Consistent Return Types",
        f"{where} ended with {last!r}.",
        "end with a RunResponse whose event is RunEvent.workflow_completed.",
    )
    assert isinstance(last, RunResponse)
    expect(
        last.content == expected,
        PARALLEL,
        f"the final content was {last.content!r}.",
        "give the final RunResponse the content self.line(ratings), ratings in the order of the symbols.",
    )


@exercise("4.3", "Blocking calls on both paths", points=4, rule="AGN107")
def blocking_both_paths(sync_answer: Any, async_answer: Any) -> None:
    """Requires split classes whose `arun()` is an async generator function, each workflow holding a blocking legacy
    tool of 0.3 s per call. The sync path is consumed inside a running event loop on 4 drawn symbols: it must call the
    tool once per symbol, end with a `RunEvent.workflow_completed` item listing the ratings in symbol order, and have
    all 4 calls in flight at one moment, as their recorded spans show (threads). Two async runs of 3 drawn symbols each
    run concurrently beside a heartbeat: the same calls and final item per run, each run's 3 calls in flight at one
    moment, the loop never stalled for 0.18 s or more, each run's last item carrying its own run id, agno's run state
    recorded. The rule checker runs AGN101, AGN105, AGN108 and AGN110 on the sync class, and AGN104, AGN107, AGN201,
    AGN108, AGN110 and AGN111 on the async class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect(
        inspect.isasyncgenfunction(async_cls.arun),
        "Dual Method Pattern",
        f"{async_cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )

    def rating_workflow(cls: type) -> Any:
        wf: Any = cls()
        wf.legacy = LegacyReportTool(latency=LATENCY, timeline=Timeline())  # each call's span, to see them overlap
        return wf

    where = f"{sync_cls.__name__}.run()"
    rated = _draw(4)
    wf, run = sync_run(sync_cls, rating_workflow, lambda wf: wf.run(symbols=list(rated)))
    _expect_ratings(run.items, where, rated, wf.legacy)
    _expect_concurrent(
        where, wf.legacy.timeline, len(rated), "submit every call to a ThreadPoolExecutor before waiting."
    )

    where = f"{async_cls.__name__}.arun()"
    # Two runs of three calls: six threads, which the default pool of the smallest machine (2 cores) holds at once.
    symbol_sets = [_draw(3) for _ in range(2)]

    def expect_each(i: int, awf: Any, run: Run) -> None:
        _expect_ratings(run.items, where, symbol_sets[i], awf.legacy)
        _expect_concurrent(where, awf.legacy.timeline, 3, "start every asyncio.to_thread call before waiting for any.")

    workflows = [rating_workflow(async_cls) for _ in symbol_sets]
    async_runs(
        workflows,
        lambda i, awf: awf.arun(symbols=list(symbol_sets[i])),
        latency=LATENCY,
        stall_code="AGN107",
        stall_hint=BLOCKING_HINT,
        expect_each=expect_each,
    )
    for awf in workflows:
        expect_run_recorded(awf, where, PARALLEL)
    expect_clean(sync_cls, SYNC_CODES, "the sync path uses threads, never an event loop of its own.")
    expect_clean(async_cls, WORKFLOW_ASYNC_CODES, "the async path hands blocking calls to asyncio.to_thread.")


# -- 4.4 ---------------------------------------------------------------------------------------------------
HIERARCHY = "Performance hierarchy"
# A score computes for about 0.3 s on a quiet machine (longer on a busy one): as long as a call's latency, so that
# waiting for it on the loop's thread (future.result()) stalls the loop as visibly as a blocking call does.
RISK_ROUNDS = 5_000_000
AWAIT_HINT = (
    "await every result: the blocking call goes through asyncio.to_thread, and the pool's future is awaited "
    "(loop.run_in_executor), never waited for with .result(), which blocks the loop's thread"
)
CPU_HINT = (
    "CPU-bound work goes to the process pool you are given: await loop.run_in_executor(pool, model.score, symbol)"
)


class _PlacedTools(AsyncFinancialTools):
    """The async tools, noting the thread each call ran in."""

    def __init__(self, latency: float, timeline: Timeline) -> None:
        super().__init__(latency=latency, timeline=timeline)
        self.threads: list[int] = []

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        self.threads.append(threading.get_ident())
        return await super().get_stock_price(symbol)


class _PlacedLegacy(LegacyReportTool):
    """The blocking client, noting the thread each call ran in."""

    def __init__(self, latency: float, timeline: Timeline) -> None:
        super().__init__(latency=latency, timeline=timeline)
        self.threads: list[int] = []

    def blocking_method(self, symbol: str) -> dict[str, Any]:
        self.threads.append(threading.get_ident())
        return super().blocking_method(symbol)


def _start_method() -> str:
    """forkserver where it exists: workers start from a clean server process, not as copies of a process (a
    notebook's kernel, the grader) that runs threads."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _called(function: Callable[..., Any], args: tuple[Any, ...], names: dict[int, str]) -> str:
    """A call handed to the pool, in words: `model.score(NVDA)`, with the answer's own names for the objects."""
    if isinstance(function, functools.partial):
        return _called(function.func, (*function.args, *args), names)
    owner = getattr(function, "__self__", None)
    name = getattr(function, "__name__", type(function).__name__)
    if owner is not None:
        name = f"{names.get(id(owner), type(owner).__name__)}.{name}"
    return f"{name}({', '.join(map(str, args))})"


class _WatchedPool(ProcessPoolExecutor):
    """The process pool the answer is given: one worker, started before the answer runs; it notes every call handed
    to it and when each was in flight, from its submission to its result."""

    def __init__(self, timeline: Timeline, names: dict[int, str]) -> None:
        super().__init__(max_workers=1, mp_context=multiprocessing.get_context(_start_method()))
        self.timeline = timeline
        self.names = names
        self.submitted: list[str] = []
        super().submit(os.getpid).result()  # the worker's start is not the answer's time

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        call = _called(fn, args, self.names)
        self.submitted.append(call)
        start = self.timeline.now()
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(lambda _: self.timeline.add(call, start, self.timeline.now(), "process pool"))
        return future


def _fail_raised(where: str, error: Exception) -> None:
    first = _leaves(error)[0]
    text, hint = str(first), "run the function yourself in a cell."
    if isinstance(first, TypeError) and "coroutine was expected" in text:
        text = f"{text.split(', got')[0]}, got a Future"
        hint = (
            "loop.run_in_executor returns a future, which TaskGroup.create_task does not take: await the future "
            "(it runs from the moment it is made), pass it to gather, or wrap it in a coroutine."
        )
    elif "pickle" in text.lower():
        hint = (
            "the pool sends the function and its arguments to the worker by pickling them: pass model.score and "
            "the symbol themselves, not a lambda or a function defined in a cell."
        )
    elif isinstance(first, BrokenProcessPool):
        hint = (
            "the worker process died before it could run the call. A function defined in a notebook cell does that: "
            "the pool sends it by name, and the worker, which is not the notebook's kernel, cannot find that name. "
            "Pass model.score and the symbol themselves."
        )
    raised = f"{type(first).__name__}: {text}"
    if first is not error:
        raised = f"{type(error).__name__} holding {raised}"
    fail(PARALLEL, f"{where} raised {raised}.", hint)


@exercise(
    "4.4", "Each call where it runs best: loop, thread, process", points=3, rule="Always do 4: Performance Hierarchy"
)
def mixed_calls(answer: Any) -> None:
    """Draws one symbol and a salt for a CPU-bound risk model (about 0.3 s of computation) and awaits the answer once
    beside a heartbeat, with an async price tool and a blocking legacy client of 0.3 s each that note the thread every
    call ran in, and a one-worker process pool, started beforehand, that records each call submitted to it and when it
    was in flight. It fails an answer that submits the price or legacy call to the pool, returns a wrong dict of price,
    rating and risk, or calls a tool other than once. The price call must run on the loop's thread, the legacy call in
    another thread, the score never in this process and exactly once through the given pool; the loop may not stall for
    0.18 s or more, and all three calls must be in flight at one moment, as their recorded spans show (not a wall time,
    which a busy machine stretches). The rule checker's codes AGN104, AGN107 and AGN201 run on the function."""
    assess = _coroutine_function(answer)
    where = f"{_name(assess)}()"
    (symbol,) = _draw(1)
    timeline = Timeline()
    tools = _PlacedTools(LATENCY, timeline)
    legacy = _PlacedLegacy(LATENCY, timeline)
    model = RiskModel(rounds=RISK_ROUNDS, salt=rng.randrange(1 << 30))
    names = {id(tools): "tools", id(legacy): "legacy", id(model): "model"}
    loop_thread = threading.get_ident()  # the check's loop runs in this thread
    pool = _WatchedPool(timeline, names)
    try:
        call = run_call(lambda: assess(symbol, tools, legacy, model, pool))
        result, blocked = call.outcome, call.blocked
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

    score = f"model.score({symbol})"
    waits = [call for call in pool.submitted if call.startswith(("legacy.", "tools."))]
    if waits:
        what = "the blocking call" if waits[0].startswith("legacy.") else "the async call"
        fail(
            HIERARCHY,
            f"{where} handed {', '.join(waits)} to the process pool.",
            f"a process is for CPU-bound work; {what} waits, and waiting needs no process: "
            "await an async call on the loop, run a blocking one with asyncio.to_thread.",
        )
    if isinstance(result, Exception):
        _fail_raised(where, result)
    expected = {
        "price": stock_price(symbol),
        "rating": LegacyReportTool(latency=0).blocking_method(symbol),
        "risk": RiskModel(rounds=model.rounds, salt=model.salt).score(symbol),
    }
    expect(
        result == expected,
        PARALLEL,
        f"for {symbol} {where} returned {result!r}.",
        "return a dict with the keys price, rating and risk, each the matching call's result.",
    )
    expect(
        tools.calls == [f"price({symbol})"] and legacy.calls == [f"legacy({symbol})"],
        PARALLEL,
        f"{where} made the calls {tools.calls + legacy.calls}.",
        "call tools.get_stock_price(symbol) and legacy.blocking_method(symbol) once each.",
    )
    expect(
        tools.threads == [loop_thread],
        HIERARCHY,
        f"tools.get_stock_price({symbol}) ran in another thread, in an event loop of its own.",
        "an awaitable call runs on the event loop that runs the step: await it there, as a task.",
    )
    expect(
        legacy.threads != [loop_thread],
        "AGN107",
        f"legacy.blocking_method({symbol}) ran on the event loop's thread and held the loop for its {LATENCY} s wait "
        f"(the longest stall the heartbeat saw: {blocked:.2f} s).",
        "run the blocking call in a thread: asyncio.to_thread(legacy.blocking_method, symbol).",
    )
    if model.threads:
        on_loop = loop_thread in model.threads
        fail(
            HIERARCHY,
            f"{score} ran on the event loop's thread, which it held while it computed (the longest stall the "
            f"heartbeat saw: {blocked:.2f} s)."
            if on_loop
            else f"{score} ran in a thread of this process, where it computes under the GIL: it takes turns with the "
            "event loop's thread and every other thread, and the process pool you were given stayed idle.",
            f"{CPU_HINT}; a process has a GIL of its own." if not on_loop else CPU_HINT,
        )
    expect(
        len(pool.submitted) == 1,
        HIERARCHY,
        f"the risk was computed in another process, and the process pool you were given received "
        f"{pool.submitted or 'no call'}.",
        f"{CPU_HINT}, once; a pool started for every call pays a worker's start each time.",
    )
    expect_loop_free(where, blocked, "AGN107", AWAIT_HINT, latency=LATENCY, answer=assess)
    # The spans say all there is to say: three in flight at one moment is the overlap asked for. What the run does
    # around them (the answer's own code, the worker's pickling) is CPU a busy machine slows by any factor.
    expect_together(
        timeline.spans,
        3,
        PARALLEL,
        where,
        "start all three before awaiting any: three tasks of a TaskGroup, or one gather.",
    )
    expect_clean(assess, ASYNC_CODES, "await the async call; hand the others to a thread and to the process pool.")
