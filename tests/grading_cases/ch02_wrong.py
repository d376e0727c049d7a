"""Known-wrong answers to chapter 2's exercises: each one is a "never do" of the rules document."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.tools import AsyncFinancialTools, LegacyReportTool, SyncFinancialTools


# -- 2.1 -------------------------------------------------------------------------------------------------
class PriceSteps(Workflow):
    prices = SyncFinancialTools(latency=0.2)
    aprices = AsyncFinancialTools(latency=0.2)
    writer: Agent = offline_agent("writer")

    def prompt_for(self, prices: list[dict[str, Any]]) -> str:
        return "Report on " + ", ".join(f"{p['symbol']} at {p['price_usd']} USD" for p in prices)


class GoodPriceReport(PriceSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor() as pool:
            prices = list(pool.map(self.prices.get_stock_price, symbols))
        answer = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class BridgePriceReport(PriceSteps):
    """The rules' own "sync-to-async bridge": asyncio.run() with a TaskGroup inside run()."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async def fetch() -> list[dict[str, Any]]:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.aprices.get_stock_price(symbol)) for symbol in symbols]
            return [task.result() for task in tasks]

        prices = asyncio.run(fetch())
        answer = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class SequentialPriceReport(PriceSteps):
    """Sync all the way down, but one blocking call after another."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        prices = [self.prices.get_stock_price(symbol) for symbol in symbols]
        answer = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncAgentPriceReport(PriceSteps):
    """Never do 4 as the rules show it: asyncio.run(agent.arun(...)) in the sync path."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor() as pool:
            prices = list(pool.map(self.prices.get_stock_price, symbols))
        answer = asyncio.run(self.writer.arun(self.prompt_for(prices), stream=False))
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


# -- 2.2 -------------------------------------------------------------------------------------------------
async def good_relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    text = ""
    async for chunk in await agent.arun(message, stream=True):
        text += chunk.content or ""
        yield chunk
    yield RunResponse(content=text, event=RunEvent.workflow_completed)


async def collecting_relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    """The rules' collect_responses, then the items re-emitted after the stream has ended."""
    responses = []
    async for chunk in await agent.arun(message, stream=True):
        responses.append(chunk)
    for chunk in responses:
        yield chunk
    yield RunResponse(content="".join(c.content or "" for c in responses), event=RunEvent.workflow_completed)


async def list_relay(agent: Agent, message: str) -> list[RunResponse]:
    """Returns the collected list itself: the caller gets nothing to iterate until the end."""
    responses = [chunk async for chunk in await agent.arun(message, stream=True)]
    text = "".join(chunk.content or "" for chunk in responses)
    return [*responses, RunResponse(content=text, event=RunEvent.workflow_completed)]


async def unawaited_relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    """The rules' un-awaited `async for ... in agent.arun(stream=True)` (agno 2.x syntax)."""
    text = ""
    async for chunk in agent.arun(message, stream=True):  # pyright: ignore[reportGeneralTypeIssues]
        text += chunk.content or ""
        yield chunk
    yield RunResponse(content=text, event=RunEvent.workflow_completed)


# -- 2.3 -------------------------------------------------------------------------------------------------
class BriefingSteps(Workflow):
    legacy = LegacyReportTool(latency=0.2)
    analyst: Agent = offline_agent("analyst", latency=0.2)

    def prompt_for(self, rating: dict[str, Any]) -> str:
        return f"Brief on {rating['symbol']}: rated {rating['rating']}"


class GoodBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
        answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class SyncAgentBriefing(BriefingSteps):
    """A sync agent call inside async def (Never do 4, the silent direction)."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
        answer = self.analyst.run(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class BlockingToolBriefing(BriefingSteps):
    """The blocking legacy tool called directly on the event loop."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        rating = self.legacy.blocking_method(symbol)
        answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class NoRunIdBriefing(BriefingSteps):
    """Non-blocking, but never starts its own run."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
        answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class FixedSymbolsPriceReport(GoodPriceReport):
    """The symbols of one run typed in: the argument is ignored."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from super().run(["AAPL", "MSFT", "NVDA", "AMZN"])


async def typed_in_relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    """Asks the agent, then streams a sentence typed in instead of its answer."""
    async for _ in await agent.arun(message, stream=True):
        pass
    text = "A story typed in by hand, the same on every run, whatever the agent said."
    for word in text.split(" "):
        yield RunResponse(content=word + " ")
    yield RunResponse(content=text, event=RunEvent.workflow_completed)
