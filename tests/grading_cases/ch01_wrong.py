"""Right answers to chapter 1's exercises, and one that never ends. Its known-wrong answers are files in
tests/known_wrong/01_core_principles/, each with the message it must fail with."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.tools import AsyncFinancialTools, SymbolNotFoundError, SyncFinancialTools


# -- 1.1 -------------------------------------------------------------------------------------------------
class SummarySteps(Workflow):
    summarizer: Agent = offline_agent("summarizer", reply="Async code waits without blocking the loop.")

    def prompt_for(self, topic: str) -> str:
        return f"Summarize {topic} in one sentence."


class GoodSummary(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class GoodAsyncSummary(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class EndlessSummary(SummarySteps):
    """An async path whose await never returns."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        await asyncio.sleep(10**6)
        yield RunResponse(run_id=self.run_id, content="never", event=RunEvent.workflow_completed)


# -- 1.2 -------------------------------------------------------------------------------------------------
class QuoteSteps(Workflow):
    prices = SyncFinancialTools(latency=0.05)
    aprices = AsyncFinancialTools(latency=0.05)

    def quote(self, price: dict[str, Any]) -> str:
        return f"{price['symbol']}: {price['price_usd']} USD"


class GoodQuotes(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        found = 0
        for symbol in symbols:
            try:
                price = self.prices.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class GoodAsyncQuotes(QuoteSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        found = 0
        for symbol in symbols:
            try:
                price = await self.aprices.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


# -- 1.3 -------------------------------------------------------------------------------------------------
class Storyteller(Workflow):
    outliner: Agent = offline_agent("outliner", reply="Outline: loops, tasks, awaits.")
    writer: Agent = offline_agent("writer", chunk_delay=0.01)


class GoodStory(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = self.outliner.run(topic, stream=False)
        text = ""
        for chunk in self.writer.run(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class GoodAsyncStory(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        outline = await self.outliner.arun(topic, stream=False)
        text = ""
        async for chunk in await self.writer.arun(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
