"""Known-wrong answers to chapter 5's exercises: each one is an anti-pattern the chapter shows failing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.tools import AsyncFinancialTools, LegacyReportTool, SymbolNotFoundError, SyncFinancialTools


# -- 5.1 -------------------------------------------------------------------------------------------------
class FinancialSteps(Workflow):
    sync_tools = SyncFinancialTools(latency=0.3)
    async_tools = AsyncFinancialTools(latency=0.3)
    report_agent: Agent = offline_agent("reporter")

    def report_prompt(self, data: dict[str, dict[str, Any]]) -> str:
        income, financials, price = data["income"], data["financials"], data["price"]
        return (
            f"{financials['name']}: revenue {income['revenue_bn']} bn USD, "
            f"net income {income['net_income_bn']} bn USD, price {price['price_usd']} USD"
        )


class GoodFinancial(FinancialSteps):
    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=3) as pool:
            income = pool.submit(self.sync_tools.get_income_statement, symbol)
            financials = pool.submit(self.sync_tools.get_company_financials, symbol)
            price = pool.submit(self.sync_tools.get_stock_price, symbol)
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class GoodAsyncFinancial(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            income = tg.create_task(self.async_tools.get_income_statement(symbol))
            financials = tg.create_task(self.async_tools.get_company_financials(symbol))
            price = tg.create_task(self.async_tools.get_stock_price(symbol))
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class BridgeFinancial(FinancialSteps):
    """The rules' sync path: asyncio.run() around a TaskGroup."""

    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async def _fetch_data() -> dict[str, dict[str, Any]]:
            async with asyncio.TaskGroup() as tg:
                income = tg.create_task(self.async_tools.get_income_statement(symbol))
                financials = tg.create_task(self.async_tools.get_company_financials(symbol))
                price = tg.create_task(self.async_tools.get_stock_price(symbol))
            return {"income": income.result(), "financials": financials.result(), "price": price.result()}

        data = asyncio.run(_fetch_data())
        report = self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class SequentialFinancial(FinancialSteps):
    """The sync path with the three blocking calls one after another."""

    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        data = {
            "income": self.sync_tools.get_income_statement(symbol),
            "financials": self.sync_tools.get_company_financials(symbol),
            "price": self.sync_tools.get_stock_price(symbol),
        }
        report = self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class SequentialAsyncFinancial(FinancialSteps):
    """The async path awaiting each call before starting the next."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        data = {
            "income": await self.async_tools.get_income_statement(symbol),
            "financials": await self.async_tools.get_company_financials(symbol),
            "price": await self.async_tools.get_stock_price(symbol),
        }
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class BlockingAsyncFinancial(FinancialSteps):
    """The async path calling the blocking client."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        data = {
            "income": self.sync_tools.get_income_statement(symbol),
            "financials": self.sync_tools.get_company_financials(symbol),
            "price": self.sync_tools.get_stock_price(symbol),
        }
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


# -- 5.2 -------------------------------------------------------------------------------------------------
class RevenueSteps(Workflow):
    async_tools = AsyncFinancialTools(latency=0.3, fail_for={"BAD", "WORSE"})

    def line(self, income: dict[str, Any]) -> str:
        return f"{income['symbol']}: revenue {income['revenue_bn']} bn USD"


class GoodRevenue(RevenueSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(symbol)) for symbol in symbols]
            statements = [task.result() for task in tasks]
            for income in statements:
                yield RunResponse(run_id=self.run_id, content=self.line(income))
            total = round(sum(income["revenue_bn"] for income in statements), 1)
            yield RunResponse(
                run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
            )
        except* SymbolNotFoundError as group:
            for error in group.exceptions:
                yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)


class FailedEventRevenue(RevenueSteps):
    """The rules' handler: except* Exception and RunEvent.workflow_failed, which no agno release has."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(symbol)) for symbol in symbols]
            statements = [task.result() for task in tasks]
            for income in statements:
                yield RunResponse(run_id=self.run_id, content=self.line(income))
            total = round(sum(income["revenue_bn"] for income in statements), 1)
            yield RunResponse(
                run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
            )
        except* Exception as group:
            for error in group.exceptions:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=event)


class PlainExceptRevenue(GoodRevenue):
    """`except SymbolNotFoundError` around a TaskGroup: it never matches the ExceptionGroup."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(symbol)) for symbol in symbols]
        except SymbolNotFoundError as error:
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)
            return
        statements = [task.result() for task in tasks]
        for income in statements:
            yield RunResponse(run_id=self.run_id, content=self.line(income))
        total = round(sum(income["revenue_bn"] for income in statements), 1)
        yield RunResponse(
            run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
        )


class FirstOnlyRevenue(RevenueSteps):
    """Reports only the first exception of the group."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(symbol)) for symbol in symbols]
            statements = [task.result() for task in tasks]
            for income in statements:
                yield RunResponse(run_id=self.run_id, content=self.line(income))
            total = round(sum(income["revenue_bn"] for income in statements), 1)
            yield RunResponse(
                run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
            )
        except* SymbolNotFoundError as group:
            error = group.exceptions[0]
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)


class SequentialRevenue(RevenueSteps):
    """One await after another, with a plain try/except around each."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        statements, errors = [], []
        for symbol in symbols:
            try:
                statements.append(await self.async_tools.get_income_statement(symbol))
            except SymbolNotFoundError as error:
                errors.append(error)
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)
        if errors:
            return
        for income in statements:
            yield RunResponse(run_id=self.run_id, content=self.line(income))
        total = round(sum(income["revenue_bn"] for income in statements), 1)
        yield RunResponse(
            run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
        )


# -- 5.3 -------------------------------------------------------------------------------------------------
class RatingSteps(Workflow):
    async_tools = AsyncFinancialTools(latency=0.3)
    legacy_tool = LegacyReportTool(latency=0.3)

    def rated(self, price: dict[str, Any], rating: dict[str, Any]) -> str:
        return f"{price['symbol']}: {price['price_usd']} USD, rated {rating['rating']}"


class GoodRatings(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
            ratings = [
                tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method, symbol)) for symbol in symbols
            ]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class DirectBlockingRatings(RatingSteps):
    """Calls the blocking method inside the async path."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for symbol in symbols:
            price = await self.async_tools.get_stock_price(symbol)
            rating = self.legacy_tool.blocking_method(symbol)
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class CalledInsideToThreadRatings(RatingSteps):
    """to_thread given the result of the call: the call runs on the loop, then to_thread gets a dict."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
            ratings = [
                tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method(symbol)))  # pyright: ignore
                for symbol in symbols
            ]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


def fetch_rating(client: Any, symbol: str) -> dict[str, Any]:
    return client.blocking_method(symbol)


class HiddenBlockingRatings(RatingSteps):
    """The blocking call hidden in a helper the rule checker cannot see: only the event loop notices."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
        for symbol, price in zip(symbols, prices, strict=True):
            rating = fetch_rating(self.legacy_tool, symbol)
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class SequentialThreadRatings(RatingSteps):
    """to_thread used correctly, but each rating awaited before the next starts."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
        for symbol, price in zip(symbols, prices, strict=True):
            rating = await asyncio.to_thread(self.legacy_tool.blocking_method, symbol)
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


def _made_up_rating(symbol: str) -> str:
    return LegacyReportTool(latency=0).blocking_method(symbol)["rating"]  # a copy, not the workflow's client


class MadeUpRatings(RatingSteps):
    """Right-looking lines from the provider's data: neither client is ever called."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import stock_price

        self.run_id = str(uuid4())
        for symbol in symbols:
            rating = _made_up_rating(symbol)
            yield RunResponse(
                run_id=self.run_id, content=f"{symbol}: {stock_price(symbol)['price_usd']} USD, rated {rating}"
            )
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class HardCodedRevenue(RevenueSteps):
    """The lines of one set of symbols typed in."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for line in ("AAPL: revenue 383.3 bn USD", "MSFT: revenue 211.9 bn USD", "NVDA: revenue 60.9 bn USD"):
            yield RunResponse(run_id=self.run_id, content=line)
        yield RunResponse(run_id=self.run_id, content="total revenue 656.1 bn USD", event=RunEvent.workflow_completed)


class HardCodedAsyncFinancial(GoodAsyncFinancial):
    """Asks the agent about MSFT whatever the symbol."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async for item in super().arun("MSFT"):
            yield item
