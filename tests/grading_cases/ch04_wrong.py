"""Known-wrong answers to chapter 4's exercises: each one is a parallel-execution anti-pattern."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from uuid import uuid4

from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.tools import AsyncFinancialTools, LegacyReportTool


# -- 4.1 -------------------------------------------------------------------------------------------------
async def good_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    async with asyncio.TaskGroup() as tg:
        income = tg.create_task(tools.get_income_statement(symbol))
        financials = tg.create_task(tools.get_company_financials(symbol))
        price = tg.create_task(tools.get_stock_price(symbol))
    return {"income": income.result(), "financials": financials.result(), "price": price.result()}


async def sequential_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    """Awaits each call before starting the next: correct results, no concurrency."""
    return {
        "income": await tools.get_income_statement(symbol),
        "financials": await tools.get_company_financials(symbol),
        "price": await tools.get_stock_price(symbol),
    }


async def gather_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    """Plain gather: concurrent, but only the first failure is ever reported."""
    income, financials, price = await asyncio.gather(
        tools.get_income_statement(symbol), tools.get_company_financials(symbol), tools.get_stock_price(symbol)
    )
    return {"income": income, "financials": financials, "price": price}


async def swallowing_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    """A TaskGroup whose failures are caught and dropped: the caller never learns that the report is empty."""
    try:
        return await good_report(tools, symbol)
    except ExceptionGroup:
        return {}


# -- 4.2 -------------------------------------------------------------------------------------------------
async def good_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    results = await asyncio.gather(*(tools.get_stock_price(s) for s in symbols), return_exceptions=True)
    return [
        f"{symbol}: {result}" if isinstance(result, Exception) else f"{symbol}: {result['price_usd']} USD"
        for symbol, result in zip(symbols, results, strict=True)
    ]


async def taskgroup_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    """A TaskGroup where each result must be handled alone: one bad symbol loses every price."""
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(tools.get_stock_price(s)) for s in symbols]
    return [f"{s}: {t.result()['price_usd']} USD" for s, t in zip(symbols, tasks, strict=True)]


async def plain_gather_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    """gather without return_exceptions: the first failure escapes and the results are lost."""
    results = await asyncio.gather(*(tools.get_stock_price(s) for s in symbols))
    return [f"{s}: {r['price_usd']} USD" for s, r in zip(symbols, results, strict=True)]


async def guarded_gather_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    """Right, written differently: plain gather over per-symbol coroutines that each catch their own failure."""

    async def line(symbol: str) -> str:
        try:
            return f"{symbol}: {(await tools.get_stock_price(symbol))['price_usd']} USD"
        except LookupError as error:
            return f"{symbol}: {error}"

    return await asyncio.gather(*(line(s) for s in symbols))


async def hard_coded_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    """The lines of one board typed in, the tool never called."""
    return ["AAPL: 189.5 USD", "BAD: no data for symbol 'BAD'", "MSFT: 374.6 USD"]


async def made_up_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    """Right-looking lines from the provider's data without calling the tool."""
    from agnocourse.tools import stock_price

    return [f"{s}: {stock_price(s)['price_usd']} USD" for s in symbols]


async def sequential_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    """Right lines, one call after another."""
    lines = []
    for symbol in symbols:
        try:
            lines.append(f"{symbol}: {(await tools.get_stock_price(symbol))['price_usd']} USD")
        except LookupError as error:
            lines.append(f"{symbol}: {error}")
    return lines


# -- 4.3 -------------------------------------------------------------------------------------------------
class RatingSteps(Workflow):
    legacy = LegacyReportTool(latency=0.05)

    def line(self, ratings: list[dict[str, Any]]) -> str:
        return ", ".join(f"{rating['symbol']}: {rating['rating']}" for rating in ratings)


class GoodRatings(RatingSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor() as executor:
            ratings = list(executor.map(self.legacy.blocking_method, symbols))
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class GoodAsyncRatings(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(asyncio.to_thread(self.legacy.blocking_method, s)) for s in symbols]
        ratings = [task.result() for task in tasks]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class BridgeRatings(RatingSteps):
    """The rules' sync-to-async bridge: asyncio.run() with a TaskGroup inside run()."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async def rate_all() -> list[dict[str, Any]]:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(asyncio.to_thread(self.legacy.blocking_method, s)) for s in symbols]
            return [task.result() for task in tasks]

        ratings = asyncio.run(rate_all())
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class SequentialRatings(RatingSteps):
    """A sync path that calls the blocking tool once per symbol, in turn."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        ratings = [self.legacy.blocking_method(s) for s in symbols]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class BlockingTasksRatings(RatingSteps):
    """Blocking calls wrapped in tasks without to_thread: each holds the event loop."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())

        async def rate(symbol: str) -> dict[str, Any]:
            return self.legacy.blocking_method(symbol)

        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(rate(s)) for s in symbols]
        ratings = [task.result() for task in tasks]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class PoolInAsyncRatings(RatingSteps):
    """A ThreadPoolExecutor inside arun(): concurrent threads, but the loop waits for them, blocked."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        with ThreadPoolExecutor() as executor:
            ratings = list(executor.map(self.legacy.blocking_method, symbols))
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class HardCodedRatings(RatingSteps):
    """The line for one set of symbols typed in: the legacy client is never called."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        content = "AAPL: buy, GOOGL: buy, MSFT: buy, NVDA: hold"
        yield RunResponse(run_id=self.run_id, content=content, event=RunEvent.workflow_completed)


class SequentialThreadRatings(RatingSteps):
    """to_thread awaited one call at a time: the loop stays free, but the calls never overlap."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        ratings = [await asyncio.to_thread(self.legacy.blocking_method, s) for s in symbols]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


async def gather_cancel_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    """Right, written differently: tasks and gather, cancelling and awaiting the others when one fails."""
    tasks = [
        asyncio.create_task(tools.get_income_statement(symbol)),
        asyncio.create_task(tools.get_company_financials(symbol)),
        asyncio.create_task(tools.get_stock_price(symbol)),
    ]
    try:
        income, financials, price = await asyncio.gather(*tasks)
    except Exception:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return {"income": income, "financials": financials, "price": price}
