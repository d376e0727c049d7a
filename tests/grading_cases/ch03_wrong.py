"""Known-wrong answers to chapter 3's exercises: each one is an anti-pattern the "always do" rules are about."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import uuid4

from agno.workflow import RunEvent, RunResponse

from agnocourse.offline import offline_agent
from agnocourse.patterns import TwoPathWorkflow
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, stock_price


# -- 3.1 and 3.2 -----------------------------------------------------------------------------------------
class NewsSteps(TwoPathWorkflow):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reporter = self.own_agent(
            offline_agent("reporter", reply="Markets steadied as rates held.", chunk_delay=0.02)
        )

    def prompt_for(self, topic: str) -> str:
        return f"Report on {topic}."


class GoodNews(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        text = ""
        for chunk in self.reporter.run(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class RulesNews(NewsSteps):
    """Always do 1 as the rules write it: a call without stream=, then a second, streamed call."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        response = self.reporter.run(self.prompt_for(topic))
        yield from self.reporter.run(self.prompt_for(topic), stream=True)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)


class DoubleCallNews(NewsSteps):
    """The rules' two calls, with stream= passed: it works, and costs two model calls per run."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        response = self.reporter.run(self.prompt_for(topic), stream=False)
        yield from self.reporter.run(self.prompt_for(topic), stream=True)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)


class CollectingNews(NewsSteps):
    """Collects the whole stream before passing any chunk on."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        chunks = list(self.reporter.run(self.prompt_for(topic), stream=True))
        yield from chunks
        text = "".join(chunk.content or "" for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class BridgeNews(NewsSteps):
    """asyncio.run() in the sync path."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        response = asyncio.run(self.reporter.arun(self.prompt_for(topic), stream=False))
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)


class NoCompletionNews(NewsSteps):
    """Streams the chunks and stops: no completion item."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from self.reporter.run(self.prompt_for(topic), stream=True)


class GoodAsyncNews(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)


class StatelessAsyncNews(NewsSteps):
    """Starts a run id but never opens or closes the run: nothing reaches the workflow's memory."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class FixedPromptNews(NewsSteps):
    """Asks the reporter about the example's topic, whatever topic it is given."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        text = ""
        for chunk in self.reporter.run(self.prompt_for("markets"), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class UnawaitedAsyncNews(NewsSteps):
    """Always do 2 as the rules write it: `async for` over the un-awaited arun(stream=True)."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in self.reporter.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class SyncCallAsyncNews(NewsSteps):
    """The sync agent stream inside the async path."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        for chunk in self.reporter.run(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class NoRunIdAsyncNews(NewsSteps):
    """Never starts its own run: self.run_id stays None."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        text = ""
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class CollectingAsyncNews(NewsSteps):
    """Collects the async stream into a list before yielding (Never do 3)."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        chunks = []
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            chunks.append(chunk)
        for chunk in chunks:
            yield chunk
        text = "".join(chunk.content or "" for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class DoubleCallAsyncNews(NewsSteps):
    """The rules' two calls on the async path, awaited: two model calls per run."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        response = await self.reporter.arun(self.prompt_for(topic), stream=False)
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            yield chunk
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)


# -- 3.3 -------------------------------------------------------------------------------------------------
class MarketSteps(TwoPathWorkflow):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.prices = SyncFinancialTools(latency=0.05)
        self.aprices = AsyncFinancialTools(latency=0.05)
        self.commentator = self.own_agent(offline_agent("commentator", reply="Chips lead, software follows."))

    def line_for(self, price: dict[str, Any]) -> str:
        return f"{price['symbol']} trades at {price['price_usd']} USD"


class GoodMarket(MarketSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = []
        for symbol in symbols:
            line = self.line_for(self.prices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class GoodAsyncMarket(MarketSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines = []
        for symbol in symbols:
            line = self.line_for(await self.aprices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
        self.finish_run(str(comment.content))


class FinallyAsyncMarket(MarketSteps):
    """Right, written differently: one helper per symbol, and the run closed in a finally block."""

    async def _line(self, symbol: str) -> str:
        return self.line_for(await self.aprices.get_stock_price(symbol))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines: list[str] = []
        comment = ""
        try:
            for symbol in symbols:
                lines += [await self._line(symbol)]
                yield RunResponse(run_id=self.run_id, content=lines[-1])
            comment = str((await self.commentator.arun("\n".join(lines), stream=False)).content)
            yield RunResponse(run_id=self.run_id, content=comment, event=RunEvent.workflow_completed)
        finally:
            self.finish_run(comment)


class StatelessAsyncMarket(MarketSteps):
    """The right items, but the run is never opened or closed: the workflow keeps no record of it."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        lines = []
        for symbol in symbols:
            line = self.line_for(await self.aprices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class MadeUpMarket(MarketSteps):
    """Looks each price up itself instead of asking the workflow's price source."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = []
        for symbol in symbols:
            line = self.line_for(stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class BlockingAsyncMarket(MarketSteps):
    """The sync price source inside the async path: every fetch blocks the event loop."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        lines = []
        for symbol in symbols:
            line = self.line_for(self.prices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class CollectingMarket(MarketSteps):
    """Fetches every price before yielding the first item."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = [self.line_for(self.prices.get_stock_price(symbol)) for symbol in symbols]
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class DifferentAsyncMarket(MarketSteps):
    """An async path that drifted from the sync one: it skips the per-symbol items."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        lines = [self.line_for(await self.aprices.get_stock_price(symbol)) for symbol in symbols]
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class ImplicitStreamMarket(MarketSteps):
    """Asks the commentator without stream=: after an earlier streaming call it gets a generator."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = []
        for symbol in symbols:
            line = self.line_for(self.prices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines))
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
