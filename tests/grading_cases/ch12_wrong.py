"""Known-wrong answers to chapter 12's exercises: each one misses what the chapter adds to the rules."""

from __future__ import annotations

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


# -- 12.1 ------------------------------------------------------------------------------------------------
async def good_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    semaphore = asyncio.Semaphore(limit)

    async def fetch(symbol: str) -> dict[str, Any]:
        async with semaphore:
            return await tools.get_stock_price(symbol)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(symbol)) for symbol in symbols]
    return [task.result() for task in tasks]


async def unbounded_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    """Every call at once: the rate-limited API sees nine."""
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(tools.get_stock_price(symbol)) for symbol in symbols]
    return [task.result() for task in tasks]


async def semaphore_per_call(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    """A semaphore created inside each call: every call gets its own permits, so nothing is limited."""

    async def fetch(symbol: str) -> dict[str, Any]:
        async with asyncio.Semaphore(limit):
            return await tools.get_stock_price(symbol)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(symbol)) for symbol in symbols]
    return [task.result() for task in tasks]


async def fixed_batches(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    """`limit` calls at a time in fixed batches: within the limit, but each batch waits for its slowest call."""
    results: list[dict[str, Any]] = []
    for start in range(0, len(symbols), limit):
        batch = symbols[start : start + limit]
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(tools.get_stock_price(symbol)) for symbol in batch]
        results += [task.result() for task in tasks]
    return results


async def hard_coded_deadline(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    """The example's price typed in whenever the deadline is generous; the tool is never called."""
    return {"symbol": "MSFT", "price_usd": 374.6} if seconds > 0.2 else None


async def one_at_a_time(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    """Within the limit, trivially: one call after another."""
    return [await tools.get_stock_price(symbol) for symbol in symbols]


async def fire_and_forget(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    """Tasks started and their references dropped; a polling loop waits for their results."""
    semaphore = asyncio.Semaphore(limit)
    results: dict[str, dict[str, Any]] = {}

    async def fetch(symbol: str) -> None:
        async with semaphore:
            results[symbol] = await tools.get_stock_price(symbol)

    for symbol in symbols:
        asyncio.create_task(fetch(symbol))  # noqa: RUF006 (the anti-pattern)
    while len(results) < len(symbols):  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    return [results[symbol] for symbol in symbols]


# -- 12.2 ------------------------------------------------------------------------------------------------
async def good_deadline(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    try:
        async with asyncio.timeout(seconds):
            return await tools.get_stock_price(symbol)
    except TimeoutError:
        return None


async def raises_timeout(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    """The deadline without the handler: TimeoutError reaches the caller."""
    async with asyncio.timeout(seconds):
        return await tools.get_stock_price(symbol)


async def stops_waiting_only(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    """asyncio.wait() with a timeout stops waiting but leaves the call running."""
    task = asyncio.ensure_future(tools.get_stock_price(symbol))
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return task.result() if done else None


async def swallows_cancel(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    """Catches CancelledError inside the deadline: it works, and also swallows a cancellation from outside."""
    async with asyncio.timeout(seconds):
        try:
            return await tools.get_stock_price(symbol)
        except asyncio.CancelledError:
            return None


async def worker_pool_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    """Right, written differently: `limit` workers take the next symbol from a queue as soon as they are free."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(symbols)):
        queue.put_nowait(index)
    results: list[Any] = [None] * len(symbols)

    async def worker() -> None:
        while not queue.empty():
            index = queue.get_nowait()
            results[index] = await tools.get_stock_price(symbols[index])

    async with asyncio.TaskGroup() as tg:
        for _ in range(limit):
            tg.create_task(worker())
    return results
