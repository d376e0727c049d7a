"""Checks for chapter 12, Beyond the rules: bounded concurrency with a semaphore; a deadline that cancels."""

from __future__ import annotations

import asyncio
import inspect
import time
from typing import Any

from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import expect_clean, translate
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import overlapped
from agnocourse.timeline import Timeline
from agnocourse.tools import AsyncFinancialTools, stock_price

CODES = ("AGN104", "AGN107", "AGN201")
LATENCY = 0.2
BOUNDED = "Beyond the rules: bounded concurrency"
TIMEOUTS = "Beyond the rules: timeouts"
CANCELLATION = "Beyond the rules: cancellation"


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
NINE = ["AAPL", "GOOGL", "MSFT", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM"]


def _bounded_run(answer: Any, symbols: list[str], limit: int) -> tuple[Any, Timeline, float]:
    timeline = Timeline()
    tools = AsyncFinancialTools(latency=LATENCY, timeline=timeline)
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
    _, timeline, seconds = _bounded_run(fn, NINE, 3)
    rounds = len(NINE) // 3
    expect_timing(
        timeline.peak_concurrency == 3 and overlapped(seconds, len(NINE) * LATENCY),
        BOUNDED,
        f"{len(NINE)} calls of {LATENCY} s with a limit of 3 took {seconds:.2f} s, at most "
        f"{timeline.peak_concurrency} in flight (the ideal is {rounds} rounds, about {rounds * LATENCY:.1f} s).",
        "start every call at once, in an asyncio.TaskGroup, and let the semaphore hold back all but 3.",
    )
    _bounded_run(fn, NINE[:4], 2)


# -- 12.2 --------------------------------------------------------------------------------------------------
def _call(answer: Any, tools: AsyncFinancialTools, seconds: float, where: str) -> Any:
    async def once() -> Any:
        try:
            return await answer(tools, "MSFT", seconds)
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

    where = f"{fn.__name__}(tools, 'MSFT', seconds=0.5) with a 0.05 s tool"
    result = run_loop(_call(fn, AsyncFinancialTools(latency=0.05), 0.5, where))
    expect(
        result == stock_price("MSFT"),
        TIMEOUTS,
        f"{where} returned {result!r}.",
        "return what tools.get_stock_price(symbol) returned when it answers in time.",
    )

    timeline = Timeline()
    slow = AsyncFinancialTools(latency=1.0, timeline=timeline)
    where = f"{fn.__name__}(tools, 'MSFT', seconds=0.1) with a 1 s tool"

    async def late() -> tuple[Any, float, int]:
        started = time.perf_counter()
        value = await _call(fn, slow, 0.1, where)
        elapsed = time.perf_counter() - started
        await asyncio.sleep(0)
        strays = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in strays:
            task.cancel()
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
        task = asyncio.create_task(fn(AsyncFinancialTools(latency=1.0), "MSFT", 5.0))
        await asyncio.sleep(0.05)
        task.cancel()
        await asyncio.wait([task])
        return task.cancelled()

    expect(
        run_loop(cancelled_from_outside()),
        CANCELLATION,
        f"{fn.__name__}(tools, 'MSFT', seconds=5.0), cancelled from outside after 0.05 s, did not end cancelled: it "
        "swallowed the CancelledError.",
        "catch only TimeoutError; a CancelledError from outside must travel on.",
    )
    expect_clean(fn, CODES, "await the async tool inside the deadline.")
