"""Known-wrong answers to chapter 11's exercise: each part migrated with one checklist item left undone."""

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


class DigestSteps(Workflow):
    headline_agent: Agent = offline_agent("headline", reply="Tech earnings beat estimates.")
    summary_agent: Agent = offline_agent("summary", reply="Revenue is concentrated in two names.", latency=0.3)
    writer: Agent = offline_agent("writer", chunk_delay=0.05)
    sync_tools = SyncFinancialTools(latency=0.3, fail_for={"BAD", "WORSE"})
    async_tools = AsyncFinancialTools(latency=0.3, fail_for={"BAD", "WORSE"})
    legacy_tool = LegacyReportTool(latency=0.3)

    def headline_prompt(self, symbols: list[str]) -> str:
        return "Headline for " + ", ".join(symbols)

    def revenue_prompt(self, incomes: list[dict[str, Any]]) -> str:
        return "Summarise: " + "; ".join(f"{i['symbol']} {i['revenue_bn']} bn" for i in incomes)

    def digest_prompt(self, incomes: list[dict[str, Any]]) -> str:
        return "Write a digest of " + ", ".join(i["symbol"] for i in incomes)

    def rated(self, price: dict[str, Any], rating: dict[str, Any]) -> str:
        return f"{price['symbol']}: {price['price_usd']} USD, rated {rating['rating']}"


# -- 11.1 ------------------------------------------------------------------------------------------------
class GoodHeadline(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        headline = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class GoodAsyncHeadline(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        headline = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class BothHeadline(DigestSteps):
    """Both paths left in one class."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        headline = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        headline = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class UnannotatedHeadline(DigestSteps):
    """The return annotation never updated."""

    def run(self, symbols):  # pyright: ignore[reportIncompatibleMethodOverride]
        headline = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class ContentEventHeadline(DigestSteps):
    """RunResponseContentEvent kept, as a string annotation."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponseContentEvent]:  # type: ignore # noqa: F821
        self.run_id = str(uuid4())
        headline = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class NoRunIdHeadline(DigestSteps):
    """The async path never starts its own run."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        headline = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


# -- 11.2 ------------------------------------------------------------------------------------------------
class GoodRevenue(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        incomes = [self.sync_tools.get_income_statement(s) for s in symbols]
        summary = self.summary_agent.run(self.revenue_prompt(incomes), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class GoodAsyncRevenue(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        summary = await self.summary_agent.arun(self.revenue_prompt([t.result() for t in tasks]), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class BridgeRevenue(DigestSteps):
    """asyncio.run() kept in the sync path."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async def fetch() -> list[dict[str, Any]]:
            return [await self.async_tools.get_income_statement(s) for s in symbols]

        incomes = asyncio.run(fetch())
        summary = self.summary_agent.run(self.revenue_prompt(incomes), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class SyncCallAsyncRevenue(DigestSteps):
    """The sync agent call left in the async path."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        incomes = [await self.async_tools.get_income_statement(s) for s in symbols]
        summary = self.summary_agent.run(self.revenue_prompt(incomes), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class NoStreamArgRevenue(DigestSteps):
    """An agent call without stream=."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        incomes = [self.sync_tools.get_income_statement(s) for s in symbols]
        summary = self.summary_agent.run(self.revenue_prompt(incomes))
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


# -- 11.3 ------------------------------------------------------------------------------------------------
class GoodDigest(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        incomes: list[dict[str, Any]] | None = None
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
            incomes = [t.result() for t in tasks]
        except* SymbolNotFoundError as group:
            for message in sorted({str(error) for error in group.exceptions}):
                yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if incomes is None:
            return
        async for chunk in await self.writer.arun(self.digest_prompt(incomes), stream=True):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )


class CollectingDigest(DigestSteps):
    """The collection helper kept."""

    async def collect(self, stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
        chunks = []
        async for chunk in stream:
            chunks.append(chunk)
        return chunks

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        incomes = [t.result() for t in tasks]
        for chunk in await self.collect(await self.writer.arun(self.digest_prompt(incomes), stream=True)):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )


class GatherDigest(DigestSteps):
    """The bare gather() kept."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        incomes = await asyncio.gather(*(self.async_tools.get_income_statement(s) for s in symbols))
        async for chunk in await self.writer.arun(self.digest_prompt(incomes), stream=True):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )


class PlainExceptDigest(DigestSteps):
    """A TaskGroup with a plain except, which never matches the ExceptionGroup."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        except SymbolNotFoundError as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        async for chunk in await self.writer.arun(self.digest_prompt([t.result() for t in tasks]), stream=True):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )


class SequentialDigest(DigestSteps):
    """The income statements awaited one after another."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        incomes = [await self.async_tools.get_income_statement(s) for s in symbols]
        async for chunk in await self.writer.arun(self.digest_prompt(incomes), stream=True):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )


# -- 11.4 ------------------------------------------------------------------------------------------------
class GoodRatings(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=2 * len(symbols)) as pool:
            prices = [pool.submit(self.sync_tools.get_stock_price, s) for s in symbols]
            ratings = [pool.submit(self.legacy_tool.blocking_method, s) for s in symbols]
        errors = {str(f.exception()) for f in prices + ratings if f.exception() is not None}
        for message in sorted(errors):
            yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if errors:
            return
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class GoodAsyncRatings(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        lines: list[str] | None = None
        try:
            async with asyncio.TaskGroup() as tg:
                prices = [tg.create_task(self.async_tools.get_stock_price(s)) for s in symbols]
                ratings = [tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method, s)) for s in symbols]
            lines = [self.rated(p.result(), r.result()) for p, r in zip(prices, ratings, strict=True)]
        except* SymbolNotFoundError as group:
            for message in sorted({str(error) for error in group.exceptions}):
                yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if lines is None:
            return
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class BlockingAsyncRatings(GoodAsyncRatings):
    """The legacy client called directly in the async path."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        prices = [await self.async_tools.get_stock_price(s) for s in symbols]
        ratings = [self.legacy_tool.blocking_method(s) for s in symbols]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class SequentialAsyncRatings(DigestSteps):
    """Every call off the loop, but awaited one after another."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        lines = []
        for s in symbols:
            price = await self.async_tools.get_stock_price(s)
            rating = await asyncio.to_thread(self.legacy_tool.blocking_method, s)
            lines.append(self.rated(price, rating))
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class RaisingSyncRatings(DigestSteps):
    """The sync path without error handling: a failure escapes instead of being reported like the async path."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=2 * len(symbols)) as pool:
            prices = list(pool.map(self.sync_tools.get_stock_price, symbols))
            ratings = list(pool.map(self.legacy_tool.blocking_method, symbols))
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class FirstErrorSyncRatings(GoodRatings):
    """The sync path reports only the first failure."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        items = list(super().run(symbols))
        errors = [item for item in items if item.event == RunEvent.run_error]
        yield from errors[:1] or items


class EveryFailureAsyncRatings(DigestSteps):
    """Right, written differently: gather(return_exceptions=True) lets every call finish, so the async path reports
    every failure, as the sync path does, even when they come at different moments."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        prices = [self.async_tools.get_stock_price(s) for s in symbols]
        ratings = [asyncio.to_thread(self.legacy_tool.blocking_method, s) for s in symbols]
        results = await asyncio.gather(*prices, *ratings, return_exceptions=True)
        errors = {str(r) for r in results if isinstance(r, SymbolNotFoundError)}
        for message in sorted(errors):
            yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if errors:
            return
        for price, rating in zip(results[: len(symbols)], results[len(symbols) :], strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))  # pyright: ignore[reportArgumentType]
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


def _price_line(symbol: str) -> str:
    from agnocourse.tools import stock_price

    rating = LegacyReportTool(latency=0).blocking_method(symbol)["rating"]  # a copy, not the workflow's client
    return f"{symbol}: {stock_price(symbol)['price_usd']} USD, rated {rating}"


class MadeUpAsyncRatings(DigestSteps):
    """Right-looking lines from the provider's data: neither of the workflow's clients is called."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=_price_line(symbol))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class SuccessesSyncRatings(GoodRatings):
    """The sync path reports its failures, then also the lines of the symbols that succeeded."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from super().run(symbols)
        if len(symbols) > 1 and any(s in {"BAD", "WORSE"} for s in symbols):
            yield RunResponse(run_id=self.run_id, content="partial ratings")


class HardCodedAsyncRevenue(DigestSteps):
    """The summary asked for with the prompt of one set of symbols typed in; nothing is fetched."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        prompt = "Summarise: AAPL 383.3 bn; MSFT 211.9 bn; NVDA 60.9 bn"
        summary = await self.summary_agent.arun(prompt, stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class SequentialSyncRatings(GoodRatings):
    """The sync path submits each call and waits for it before submitting the next: correct items, no overlap."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=2) as pool:
            prices = [pool.submit(self.sync_tools.get_stock_price, s).result() for s in symbols]
            ratings = [pool.submit(self.legacy_tool.blocking_method, s).result() for s in symbols]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class MadeUpRevenue(DigestSteps):
    """The sync path words the prompt from the provider's data without calling the client."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import income_statement

        summary = self.summary_agent.run(self.revenue_prompt([income_statement(s) for s in symbols]), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)
