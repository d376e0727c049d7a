"""Known-wrong answers to chapter 1's exercises: each one is an anti-pattern the rules forbid."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import uuid4

from agno.workflow import RunEvent, RunResponse

from agnocourse.offline import offline_agent
from agnocourse.patterns import TwoPathWorkflow
from agnocourse.tools import AsyncFinancialTools, SymbolNotFoundError, SyncFinancialTools, stock_price

_LOCKS: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}


def one_lock_per_loop() -> asyncio.Lock:
    """One lock shared by every workflow (an asyncio.Lock belongs to the loop that first waits on it)."""
    return _LOCKS.setdefault(asyncio.get_running_loop(), asyncio.Lock())


# -- 1.1 -------------------------------------------------------------------------------------------------
class SummarySteps(TwoPathWorkflow):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.summarizer = self.own_agent(offline_agent("summarizer", reply="Async code waits."))

    def prompt_for(self, topic: str) -> str:
        return f"Summarize {topic} in one sentence."


class GoodSummary(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class GoodAsyncSummary(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))


class StreamingAsyncSummary(SummarySteps):
    """Right, written differently: streams the answer and adds it up, finishing the run in a finally block."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(topic=topic)
        self.run_id = run_id
        parts: list[str] = []
        try:
            async for chunk in await self.summarizer.arun(self.prompt_for(topic), stream=True):
                parts.append(chunk.content or "")
            yield RunResponse(run_id=run_id, content="".join(parts), event=RunEvent.workflow_completed)
        finally:
            self.finish_run("".join(parts))


class StatelessAsyncSummary(SummarySteps):
    """Starts a run id of its own but never opens or closes the run: no session, memory or run response."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class HardCodedSummary(SummarySteps):
    """Yields the answer it expects instead of asking the summarizer."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield RunResponse(run_id=self.run_id, content="Async code waits.", event=RunEvent.workflow_completed)


class LockedAsyncSummary(SummarySteps):
    """Guards the agent with one lock for every workflow: loop free, but the runs take turns."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async with one_lock_per_loop():
            answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))


class BridgeSummary(SummarySteps):
    """asyncio.run() in the sync path: the rules' own 'sync-to-async bridge'."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = asyncio.run(self.summarizer.arun(self.prompt_for(topic), stream=False))
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class BothSummary(SummarySteps):
    """One class with both run() and arun(), as the rules' Dual Method Pattern shows."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class NoRunIdSummary(SummarySteps):
    """arun() that never starts its own run."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class SyncCallSummary(SummarySteps):
    """A sync agent call inside the async path."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class NoStreamArgSummary(SummarySteps):
    """Correct behaviour, but an agent call without an explicit stream= (only the rule checker sees it)."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic))
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class EndlessSummary(SummarySteps):
    """An async path whose await never returns."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        await asyncio.sleep(10**6)
        yield RunResponse(run_id=self.run_id, content="never", event=RunEvent.workflow_completed)


# -- 1.2 -------------------------------------------------------------------------------------------------
class QuoteSteps(TwoPathWorkflow):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.prices = SyncFinancialTools(latency=0.05)
        self.aprices = AsyncFinancialTools(latency=0.05)

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


class LookupQuotes(QuoteSteps):
    """Right, written differently: catches the error's base class and counts from the items."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        items = 0
        for symbol in symbols:
            try:
                content, event = self.quote(self.prices.get_stock_price(symbol)), RunEvent.run_response
                items += 1
            except LookupError as error:
                content, event = f"{symbol} failed: {error}", RunEvent.run_error
            yield RunResponse(run_id=self.run_id, content=content, event=event)
        yield RunResponse(
            run_id=self.run_id, content=f"{items} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class MadeUpQuotes(QuoteSteps):
    """Computes each price itself instead of asking the workflow's price source."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        found = 0
        for symbol in symbols:
            if symbol not in self.prices.fail_for:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(stock_price(symbol)))
            else:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: unknown", event=RunEvent.run_error)
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )


class FixedCountQuotes(GoodQuotes):
    """Right items, but a final count written for the three symbols of an example."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        *items, _ = super().run(symbols)
        yield from items
        yield RunResponse(run_id=self.run_id, content="2 of 3 quotes", event=RunEvent.workflow_completed)


class FailedEventQuotes(QuoteSteps):
    """The rules' RunEvent.workflow_failed, which no agno release has."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            try:
                yield RunResponse(run_id=self.run_id, content=self.quote(self.prices.get_stock_price(symbol)))
            except SymbolNotFoundError as error:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=event)
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)


class RaisingQuotes(QuoteSteps):
    """Lets the failure escape instead of reporting it with run_error."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=self.quote(self.prices.get_stock_price(symbol)))
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)


class DictQuotes(QuoteSteps):
    """Yields plain dicts instead of RunResponse objects."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield {"content": symbol}  # pyright: ignore[reportReturnType]


class UnannotatedQuotes(GoodQuotes):
    """Right results, no return annotation."""

    def run(self, symbols: list[str]):  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from super().run(symbols)


class BlockingAsyncQuotes(QuoteSteps):
    """Calls the blocking price source from the async path."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        found = 0
        for symbol in symbols:
            try:
                price = self.prices.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(run_id=self.run_id, content=f"{found} of 3 quotes", event=RunEvent.workflow_completed)


# -- 1.3 -------------------------------------------------------------------------------------------------
class Storyteller(TwoPathWorkflow):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outliner = self.own_agent(offline_agent("outliner", reply="Outline: loops, tasks, awaits."))
        self.writer = self.own_agent(offline_agent("writer", chunk_delay=0.01))


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


class LockedAsyncStory(GoodAsyncStory):
    """One lock for every workflow around the whole run: loop free, but two runs never overlap."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async with one_lock_per_loop():
            async for item in super().arun(topic):
                yield item


class FixedOutlineStory(Storyteller):
    """Writes from the outline of the example instead of the outliner's answer."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.outliner.run(topic, stream=False)
        text = ""
        for chunk in self.writer.run("Outline: loops, tasks, awaits.", stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class CollectingStory(Storyteller):
    """Collects the stream, then yields it: collect-then-yield."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = self.outliner.run(topic, stream=False)
        chunks = list(self.writer.run(outline.content, stream=True))
        yield from chunks
        text = "".join(chunk.content or "" for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class UnawaitedStory(Storyteller):
    """The rules' un-awaited `async for ... in agent.arun(stream=True)` (agno 2.x syntax)."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        outline = await self.outliner.arun(topic, stream=False)
        text = ""
        async for chunk in self.writer.arun(outline.content, stream=True):  # pyright: ignore[reportGeneralTypeIssues]
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class ImplicitStreamStory(Storyteller):
    """Calls the outliner without stream=, so the agent's leftover stream flag decides."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = self.outliner.run(topic)
        text = ""
        for chunk in self.writer.run(outline.content, stream=True):  # pyright: ignore[reportAttributeAccessIssue]
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class BridgeStory(Storyteller):
    """Drives the async agent from the sync path with asyncio.run()."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = asyncio.run(self.outliner.arun(topic, stream=False))
        response = self.writer.run(outline.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)
