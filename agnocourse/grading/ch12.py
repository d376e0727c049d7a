"""Checks for chapter 12, Beyond the rules: bounded concurrency with a semaphore; a deadline that cancels."""

from __future__ import annotations

import asyncio
import heapq
import inspect
import random
import time
from typing import Any

from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import expect_clean, translate
from agnocourse.grading.registry import exercise
from agnocourse.timeline import Timeline
from agnocourse.tools import AsyncFinancialTools, stock_price

CODES = ("AGN104", "AGN107", "AGN201")
BOUNDED = "Beyond the rules: bounded concurrency"
TIMEOUTS = "Beyond the rules: timeouts"
CANCELLATION = "Beyond the rules: cancellation"
# Drawn per run; MSFT, the example of the texts, is left out so that a hard-coded answer never matches.
SYMBOL_POOL = ["AAPL", "GOOGL", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE", "CSCO"]


def _coroutine_function(answer: Any) -> Any:
    name = getattr(answer, "__name__", repr(answer))
    if not inspect.iscoroutinefunction(answer):
        fail(
            "Agent Call Patterns",
            f"{name} is not an `async def` function.",
            "write it as `async def` so that it can await the tools.",
        )
    return answer


# -- 12.1 --------------------------------------------------------------------------------------------------
SLOW, FAST = 0.5, 0.05  # one slow call in every `limit` consecutive ones: fixed batches wait for it each time


class _PerSymbolLatency(AsyncFinancialTools):
    """The async price client, with a latency of its own for each symbol."""

    def __init__(self, latencies: dict[str, float], timeline: Timeline) -> None:
        super().__init__(latency=0.0, timeline=timeline)
        self.latencies = latencies

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        with self._call("price", symbol):
            await asyncio.sleep(self.latencies[symbol])
            return stock_price(symbol)


def _latencies(symbols: list[str], limit: int) -> dict[str, float]:
    return {symbol: SLOW if index % limit == 0 else FAST for index, symbol in enumerate(symbols)}


def _with_semaphore(latencies: list[float], limit: int) -> float:
    """The wall time of calls started in order as soon as one of `limit` permits is free."""
    free = [0.0] * limit
    for latency in latencies:
        heapq.heappush(free, heapq.heappop(free) + latency)
    return max(free)


def _in_batches(latencies: list[float], limit: int) -> float:
    """The wall time of fixed batches of `limit` calls, each batch waiting for its slowest."""
    return sum(max(latencies[i : i + limit]) for i in range(0, len(latencies), limit))


def _bounded_run(answer: Any, symbols: list[str], limit: int) -> tuple[Any, Timeline, float]:
    timeline = Timeline()
    tools = _PerSymbolLatency(_latencies(symbols, limit), timeline)
    where = f"{answer.__name__}(tools, {len(symbols)} symbols, limit={limit})"

    async def measured() -> tuple[Any, float]:
        started = time.perf_counter()
        result: Any = None
        try:
            result = await answer(tools, symbols, limit)
        except AssertionError:
            raise
        except Exception as error:
            translate(error, where)
        return result, time.perf_counter() - started

    result, seconds = run_loop(measured())
    expect(
        result == [stock_price(symbol) for symbol in symbols],
        BOUNDED,
        f"{where} returned {result!r:.200}.",
        "return the price dicts of all the symbols, in the order of the symbols.",
    )
    expect(
        timeline.peak_concurrency <= limit,
        BOUNDED,
        f"{where} had {timeline.peak_concurrency} calls in flight at once.",
        "create one asyncio.Semaphore(limit) shared by every call, and make each call inside `async with` it.",
    )
    return result, timeline, seconds


@exercise("12.1", "Bounded concurrency with a semaphore", points=5, rule="Beyond the rules: bounded concurrency")
def bounded_concurrency(answer: Any) -> None:
    fn = _coroutine_function(answer)
    expect_clean(fn, CODES, "keep every task in a TaskGroup, and await the async tools.")
    nine = random.sample(SYMBOL_POOL, 9)
    _, timeline, seconds = _bounded_run(fn, nine, 3)
    latencies = list(_latencies(nine, 3).values())
    ideal, batched = _with_semaphore(latencies, 3), _in_batches(latencies, 3)
    expect_timing(
        timeline.peak_concurrency == 3 and seconds < (ideal + batched) / 2,
        BOUNDED,
        f"{len(nine)} calls (every third one {SLOW} s, the others {FAST} s) with a limit of 3 took {seconds:.2f} s, "
        f"at most {timeline.peak_concurrency} in flight (a call starting whenever one of 3 permits is free: about "
        f"{ideal:.2f} s; fixed batches of 3, each waiting for its slowest call: {batched:.2f} s).",
        "start every call at once, in an asyncio.TaskGroup, and let one shared semaphore hold back all but 3: a "
        "call starts as soon as any permit is free.",
    )
    _bounded_run(fn, random.sample(SYMBOL_POOL, 4), 2)


# -- 12.2 --------------------------------------------------------------------------------------------------
def _call(answer: Any, tools: AsyncFinancialTools, seconds: float, where: str, symbol: str) -> Any:
    async def once() -> Any:
        try:
            return await answer(tools, symbol, seconds)
        except TimeoutError:
            fail(
                TIMEOUTS,
                f"{where} raised TimeoutError.",
                "catch the TimeoutError that asyncio.timeout() raises when its block exits, and return None.",
            )
        except AssertionError:
            raise
        except Exception as error:
            translate(error, where)

    return once()


@exercise("12.2", "A deadline that cancels", points=5, rule="Beyond the rules: timeouts")
def deadline(answer: Any) -> None:
    fn = _coroutine_function(answer)
    symbol = random.choice(SYMBOL_POOL)

    where = f"{fn.__name__}(tools, {symbol!r}, seconds=0.5) with a 0.05 s tool"
    result = run_loop(_call(fn, AsyncFinancialTools(latency=0.05), 0.5, where, symbol))
    expect(
        result == stock_price(symbol),
        TIMEOUTS,
        f"{where} returned {result!r}.",
        "return what tools.get_stock_price(symbol) returned when it answers in time.",
    )

    timeline = Timeline()
    slow = AsyncFinancialTools(latency=1.0, timeline=timeline)
    where = f"{fn.__name__}(tools, {symbol!r}, seconds=0.1) with a 1 s tool"

    async def late() -> tuple[Any, float, int]:
        started = time.perf_counter()
        value = await _call(fn, slow, 0.1, where, symbol)
        elapsed = time.perf_counter() - started
        await asyncio.sleep(0)
        strays = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in strays:
            task.cancel()
        if strays:
            await asyncio.wait(strays, timeout=1.0)  # let the cancelled calls end before the loop closes
        return value, elapsed, len(strays)

    result, elapsed, strays = run_loop(late())
    expect_timing(
        result is None and elapsed < 0.5,
        TIMEOUTS,
        f"{where} returned {result!r} after {elapsed:.2f} s.",
        "put the call in `async with asyncio.timeout(seconds):` and return None when it expires.",
    )
    expect_timing(
        strays == 0 and len(timeline.spans) == 1 and timeline.spans[0].end < 0.5,
        TIMEOUTS,
        f"{where} returned None, but the tool call was still running when it did.",
        "a deadline must cancel the late work, not just stop waiting for it.",
    )

    async def cancelled_from_outside() -> bool:
        task = asyncio.create_task(fn(AsyncFinancialTools(latency=1.0), symbol, 5.0))
        await asyncio.sleep(0.05)
        task.cancel()
        await asyncio.wait([task])
        return task.cancelled()

    expect(
        run_loop(cancelled_from_outside()),
        CANCELLATION,
        f"{fn.__name__}(tools, {symbol!r}, seconds=5.0), cancelled from outside after 0.05 s, did not end "
        "cancelled: it swallowed the CancelledError.",
        "catch only TimeoutError; a CancelledError from outside must travel on.",
    )
    expect_clean(fn, CODES, "await the async tool inside the deadline.")
