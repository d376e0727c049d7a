"""Checks for chapter 4, Parallel execution: TaskGroup, gather with return_exceptions, blocking calls on both paths."""

from __future__ import annotations

import asyncio
import inspect
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from agno.agent import RunResponse
from agno.run.response import RunEvent

from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.paths import async_runs, dual_classes, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, expect_clean, run_async_paths
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_loop_free, overlapped
from agnocourse.tools import (
    AsyncFinancialTools,
    LegacyReportTool,
    SymbolNotFoundError,
    company_financials,
    income_statement,
    stock_price,
)

PARALLEL = "Parallel execution"
BLOCKING_HINT = "await the async tools; a blocking call goes through asyncio.to_thread"
LATENCY = 0.3  # seconds per mock call: concurrent work takes about one latency, sequential work their sum
# Error- and warning-level codes only: advice (AGN202) never fails an exercise on its own; behaviour decides.
ASYNC_CODES = ("AGN104", "AGN107", "AGN201")
# Drawn per run; AAPL and MSFT, the examples in the exercise texts, are left out so that an answer hard-coded
# for an example never matches by chance.
SYMBOL_POOL = ["GOOGL", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE"]


def _draw(count: int) -> list[str]:
    """Symbols for one run, drawn anew each time so that no hard-coded answer can match them."""
    return random.sample(SYMBOL_POOL, count)


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


def _expect_concurrent(where: str, seconds: float, calls: int, hint: str) -> None:
    expect_timing(
        overlapped(seconds, calls * LATENCY),
        PARALLEL,
        f"{where} made {calls} calls of {LATENCY} s each and took {seconds:.2f} s (concurrent calls take about "
        f"{LATENCY} s, one after another {calls * LATENCY:.1f} s).",
        hint,
    )


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
        self.failing = random.choice(["income", "financials", "price"])
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
    fetch_report = _coroutine_function(answer)
    where = f"{_name(fetch_report)}()"
    report_symbol, symbol = _draw(2)
    tools = AsyncFinancialTools(latency=LATENCY)
    result, seconds, blocked = _run_once(fetch_report, tools, report_symbol)
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
    expect_loop_free(where, blocked, "AGN107", BLOCKING_HINT, latency=LATENCY)
    _expect_concurrent(where, seconds, 3, "start all three calls before waiting for any: create them in a TaskGroup.")

    failing = _OneEarlyFailure(latency=LATENCY)
    raised, _, _ = _run_once(failing.settled_on_exit(fetch_report), failing, symbol)
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
    return board, set(random.sample(board, 2))


def _board_line(symbol: str, fails: set[str]) -> str:
    if symbol in fails:
        return f"{symbol}: {SymbolNotFoundError(f'no data for symbol {symbol!r}')}"
    return f"{symbol}: {stock_price(symbol)['price_usd']} USD"


@exercise("4.2", "Every result and every failure: gather", points=3, rule="AGN202")
def gather_board(answer: Any) -> None:
    price_board = _coroutine_function(answer)
    where = f"{_name(price_board)}()"
    board, fails = _board()
    tools = AsyncFinancialTools(latency=LATENCY, fail_for=fails)
    result, seconds, blocked = _run_once(price_board, tools, list(board))
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
    expect_loop_free(where, blocked, "AGN107", BLOCKING_HINT, latency=LATENCY)
    _expect_concurrent(where, seconds, len(board), "start every call before waiting for any.")
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
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect(
        inspect.isasyncgenfunction(async_cls.arun),
        "Dual Method Pattern",
        f"{async_cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )

    def rating_workflow(cls: type) -> Any:
        wf: Any = cls()
        wf.legacy = LegacyReportTool(latency=LATENCY)
        return wf

    where = f"{sync_cls.__name__}.run()"
    rated = _draw(4)
    wf, run = sync_run(sync_cls, rating_workflow, lambda wf: wf.run(symbols=list(rated)))
    _expect_ratings(run.items, where, rated, wf.legacy)
    _expect_concurrent(where, run.seconds, len(rated), "submit every call to a ThreadPoolExecutor before waiting.")

    where = f"{async_cls.__name__}.arun()"
    # Two runs of three calls: six threads, which the default pool of the smallest machine (2 cores) holds at once.
    symbol_sets = [_draw(3) for _ in range(2)]

    def expect_each(i: int, awf: Any, run: Run) -> None:
        _expect_ratings(run.items, where, symbol_sets[i], awf.legacy)
        _expect_concurrent(where, run.seconds, 3, "start every asyncio.to_thread call before waiting for any.")

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
