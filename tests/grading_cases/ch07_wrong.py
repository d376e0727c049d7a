"""Known-wrong answers to chapter 7's exercises: each one is an anti-pattern the chapter shows failing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.tools import AsyncFinancialTools, SymbolNotFoundError


# -- 7.1 -------------------------------------------------------------------------------------------------
class DigestSteps(Workflow):
    writer: Agent = offline_agent("writer", latency=0.3, chunk_delay=0.01)

    def prompt_for(self, topic: str) -> str:
        return f"Write a digest of {topic}"


class GoodDigest(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class CollectingDigest(DigestSteps):
    """The rules' "Bad" form: every chunk collected, then yielded."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        responses = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            responses.append(chunk)
        for chunk in responses:
            yield chunk
        text = "".join(chunk.content or "" for chunk in responses)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class HoardingDigest(DigestSteps):
    """Yields each chunk at once, but keeps every RunResponse until the end to build the final text."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        kept = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            kept.append(chunk)
            yield chunk
        text = "".join(chunk.content or "" for chunk in kept)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class UnawaitedDigest(DigestSteps):
    """The rules' streaming example as written: async for over the un-awaited arun()."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in self.writer.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class SyncStreamDigest(DigestSteps):
    """The sync stream inside the async path: it blocks the event loop for the whole answer."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        for chunk in self.writer.run(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


# -- 7.2 -------------------------------------------------------------------------------------------------
class BoardSteps(Workflow):
    async_tools = AsyncFinancialTools(latency=0.3, fail_for={"BAD", "WORSE"})

    def quote(self, price: dict[str, Any]) -> str:
        return f"{price['symbol']}: {price['price_usd']} USD"


class GoodBoard(BoardSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        found = 0
        for result in results:
            if isinstance(result, Exception):
                yield RunResponse(run_id=self.run_id, content=f"Error: {result}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(result))
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class TaskGroupBoard(BoardSteps):
    """The rules' TaskGroup example, corrected events: one failure cancels the other calls, results are lost."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
            for task in tasks:
                yield RunResponse(run_id=self.run_id, content=self.quote(task.result()))
            yield RunResponse(
                run_id=self.run_id,
                content=f"{len(symbols)} of {len(symbols)} quotes",
                event=RunEvent.workflow_completed,
            )
        except* SymbolNotFoundError as group:
            for error in group.exceptions:
                yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            yield RunResponse(
                run_id=self.run_id, content=f"0 of {len(symbols)} quotes", event=RunEvent.workflow_completed
            )


class FailedEventBoard(BoardSteps):
    """The rules' gather example as written: RunEvent.workflow_failed and workflow_running."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        found = 0
        for result in results:
            if isinstance(result, Exception):
                yield RunResponse(
                    run_id=self.run_id,
                    content=f"Error: {result}",
                    event=RunEvent.workflow_failed,  # pyright: ignore[reportAttributeAccessIssue]
                )
            else:
                found += 1
                yield RunResponse(
                    run_id=self.run_id,
                    content=self.quote(result),
                    event=RunEvent.workflow_running,  # pyright: ignore[reportAttributeAccessIssue]
                )
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class SilentBoard(BoardSteps):
    """Keeps every result but drops the failures without a word."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        prices = [result for result in results if not isinstance(result, BaseException)]
        for price in prices:
            yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(
            run_id=self.run_id, content=f"{len(prices)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class SequentialBoard(BoardSteps):
    """Right items, one call after another."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        found = 0
        for symbol in symbols:
            try:
                price = await self.async_tools.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


# -- 7.3 -------------------------------------------------------------------------------------------------
class ReportSteps(Workflow):
    income_tool = AsyncFinancialTools(latency=0.6)
    financials_tool = AsyncFinancialTools(latency=0.6)
    price_tool = AsyncFinancialTools(latency=0.1, fail_for={"NEWCO"})
    report_agent: Agent = offline_agent("reporter")

    def report_prompt(self, data: dict[str, dict[str, Any]]) -> str:
        income, financials, price = data["income"], data["financials"], data["price"]
        return (
            f"{financials['name']}: revenue {income['revenue_bn']} bn USD, "
            f"net income {income['net_income_bn']} bn USD, price {price['price_usd']} USD"
        )


class GoodReport(ReportSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                income = tg.create_task(self.income_tool.get_income_statement(symbol))
                financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
                price = tg.create_task(self.price_tool.get_stock_price(symbol))
        except* SymbolNotFoundError as group:
            for error in group.exceptions:
                yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
        else:
            data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
            report = await self.report_agent.arun(self.report_prompt(data), stream=False)
            yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class GatherReport(ReportSteps):
    """gather(return_exceptions=True) for results that only make sense together: it waits for the slow calls."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        income, financials, price = await asyncio.gather(
            self.income_tool.get_income_statement(symbol),
            self.financials_tool.get_company_financials(symbol),
            self.price_tool.get_stock_price(symbol),
            return_exceptions=True,
        )
        errors = [r for r in (income, financials, price) if isinstance(r, BaseException)]
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
        if errors:
            return
        data = {"income": income, "financials": financials, "price": price}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)  # pyright: ignore[reportArgumentType]
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class PlainExceptReport(ReportSteps):
    """`except Exception` around a TaskGroup: it catches the ExceptionGroup and reports the group, not the failure."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                income = tg.create_task(self.income_tool.get_income_statement(symbol))
                financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
                price = tg.create_task(self.price_tool.get_stock_price(symbol))
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class FailedEventReport(ReportSteps):
    """The rules' except* branch as written: RunEvent.workflow_failed."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                income = tg.create_task(self.income_tool.get_income_statement(symbol))
                financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
                price = tg.create_task(self.price_tool.get_stock_price(symbol))
        except* Exception as group:
            for error in group.exceptions:
                yield RunResponse(
                    run_id=self.run_id,
                    content=f"Error: {error}",
                    event=RunEvent.workflow_failed,  # pyright: ignore[reportAttributeAccessIssue]
                )
        else:
            data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
            report = await self.report_agent.arun(self.report_prompt(data), stream=False)
            yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class SequentialReport(ReportSteps):
    """Each call awaited before the next starts."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            data = {
                "income": await self.income_tool.get_income_statement(symbol),
                "financials": await self.financials_tool.get_company_financials(symbol),
                "price": await self.price_tool.get_stock_price(symbol),
            }
        except SymbolNotFoundError as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


# -- answers that never make the call the task requires, or block in a helper -----------------------------------
class MadeUpBoard(BoardSteps):
    """Words prices it looked up itself (the mock data's plain function), never asking the price client."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import stock_price

        self.run_id = str(uuid4())
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=self.quote(stock_price(symbol)))
        yield RunResponse(
            run_id=self.run_id, content=f"{len(symbols)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class KnownFailuresBoard(GoodBoard):
    """Reports the exercise text's failing symbols (BAD, WORSE) as errors without asking about them."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        known = [s for s in symbols if s not in {"BAD", "WORSE"}]
        prices = await asyncio.gather(*(self.async_tools.get_stock_price(s) for s in known))
        found = dict(zip(known, prices, strict=True))
        for symbol in symbols:
            if symbol in found:
                yield RunResponse(run_id=self.run_id, content=self.quote(found[symbol]))
            else:
                yield RunResponse(run_id=self.run_id, content=f"no data for {symbol}", event=RunEvent.run_error)
        yield RunResponse(
            run_id=self.run_id, content=f"{len(found)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class BadCallBoard(BoardSteps):
    """Every call fails with a TypeError (a keyword the client does not take), each reported as a run_error."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())

        async def fetch(symbol: str) -> dict[str, Any]:
            return await self.async_tools.get_stock_price(ticker=symbol)  # pyright: ignore[reportCallIssue]

        results = await asyncio.gather(*(fetch(s) for s in symbols), return_exceptions=True)
        found = 0
        for symbol, result in zip(symbols, results, strict=True):
            if isinstance(result, BaseException):
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {result}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(result))
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class FunctionsReport(ReportSteps):
    """Builds the report from the mock data's plain functions, never asking the three sources."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import company_financials, income_statement, stock_price

        self.run_id = str(uuid4())
        if symbol == "NEWCO":
            yield RunResponse(run_id=self.run_id, content="no data for symbol 'NEWCO'", event=RunEvent.run_error)
            return
        data = {
            "income": income_statement(symbol),
            "financials": company_financials(symbol),
            "price": stock_price(symbol),
        }
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


# -- right answers that differ from the solutions ----------------------------------------------------------
class CaughtTasksBoard(BoardSteps):
    """A TaskGroup of tasks that each catch their own failure: every call finishes, none cancels another."""

    async def _quote(self, symbol: str) -> RunResponse:
        try:
            price = await self.async_tools.get_stock_price(symbol)
        except SymbolNotFoundError as error:
            return RunResponse(run_id=self.run_id, content=str(error), event=RunEvent.run_error)
        return RunResponse(run_id=self.run_id, content=self.quote(price))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self._quote(symbol)) for symbol in symbols]
        found = 0
        for task in tasks:
            found += task.result().event != RunEvent.run_error
            yield task.result()
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class AnyFailureReport(ReportSteps):
    """A TaskGroup whose except* catches every Exception, and the report asked in the try's else."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        failures: list[Exception] = []
        try:
            async with asyncio.TaskGroup() as tg:
                parts = {
                    "income": tg.create_task(self.income_tool.get_income_statement(symbol)),
                    "financials": tg.create_task(self.financials_tool.get_company_financials(symbol)),
                    "price": tg.create_task(self.price_tool.get_stock_price(symbol)),
                }
        except* Exception as group:
            failures.extend(group.exceptions)  # pyright: ignore[reportArgumentType]
        for error in failures:
            yield RunResponse(run_id=self.run_id, content=f"{type(error).__name__}: {error}", event=RunEvent.run_error)
        if not failures:
            data = {name: task.result() for name, task in parts.items()}
            report = await self.report_agent.arun(self.report_prompt(data), stream=False)
            yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class CaughtGatherBoard(BoardSteps):
    """gather() over coroutines that each catch their own failure: nothing escapes, so return_exceptions is moot."""

    async def _quote(self, symbol: str) -> RunResponse:
        try:
            price = await self.async_tools.get_stock_price(symbol)
        except SymbolNotFoundError as error:
            return RunResponse(run_id=self.run_id, content=str(error), event=RunEvent.run_error)
        return RunResponse(run_id=self.run_id, content=self.quote(price))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        items = await asyncio.gather(*(self._quote(symbol) for symbol in symbols))
        for item in items:
            yield item
        found = sum(item.event != RunEvent.run_error for item in items)
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class PlainGatherBoard(BoardSteps):
    """gather() without return_exceptions: the first unknown symbol ends the board."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        prices = await asyncio.gather(*(self.async_tools.get_stock_price(s) for s in symbols))  # agno-rules: ignore
        for price in prices:
            yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(
            run_id=self.run_id, content=f"{len(prices)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
