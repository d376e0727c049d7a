"""Known-wrong answers to chapter 6's exercises: each one is an anti-pattern of the implementation guidelines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.tools import SymbolNotFoundError


# -- 6.1 -------------------------------------------------------------------------------------------------
class PipelineSteps(Workflow):
    researcher: Agent = offline_agent("researcher", reply=lambda topic: f"notes on {topic}")
    writer: Agent = offline_agent("writer", reply=lambda notes: f"An article from {notes}.")


class GoodPipeline(PipelineSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class GoodAsyncPipeline(PipelineSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class RulesPipeline(PipelineSteps):
    """The rules' structure as written: agent calls without stream=."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic)
        article = self.writer.run(notes.content)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class TopicToWriterPipeline(PipelineSteps):
    """The writer gets the topic, not the researcher's notes: the chain is broken."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.researcher.run(topic, stream=False)
        article = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class SyncCallAsyncPipeline(PipelineSteps):
    """Sync agent calls inside the async path."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class BothPipeline(PipelineSteps):
    """The rules' one class with run() and arun()."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


# -- 6.2 -------------------------------------------------------------------------------------------------
class BriefSteps(Workflow):
    analyst: Agent = offline_agent("analyst", reply=lambda symbol: f"{symbol}: steady")


class GoodBrief(BriefSteps):
    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        answer = self.analyst.run(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield from self._brief(symbol)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class GoodAsyncBrief(BriefSteps):
    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        answer = await self.analyst.arun(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for symbol in symbols:
            async for item in self._abrief(symbol):
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class RunningEventBrief(GoodBrief):
    """The rules' subflow event, RunEvent.workflow_running, which no agno release has."""

    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        answer = self.analyst.run(symbol, stream=False)
        event = RunEvent.workflow_running  # pyright: ignore[reportAttributeAccessIssue]
        yield RunResponse(run_id=self.run_id, content=answer.content, event=event)


class CollectingBrief(GoodBrief):
    """Runs every subflow to the end before passing any item on."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        items = [item for symbol in symbols for item in self._brief(symbol)]
        yield from items
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class UnannotatedAsyncBrief(GoodAsyncBrief):
    """An async subflow without its AsyncIterator[RunResponse] annotation."""

    async def _abrief(self, symbol: str):
        answer = await self.analyst.arun(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class SyncSubflowAsyncBrief(GoodAsyncBrief):
    """An async subflow that makes the sync agent call."""

    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        answer = self.analyst.run(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


# -- 6.3 -------------------------------------------------------------------------------------------------
def rating(symbol: str) -> str:
    if symbol not in {"AAPL", "MSFT", "NVDA"}:
        raise SymbolNotFoundError(f"no data for symbol {symbol!r}")
    return f"{symbol}: buy"


class RatingSteps(Workflow):
    rater: Agent = offline_agent("rater", reply=rating)

    def failure(self, symbol: str, error: Exception) -> RunResponse:
        return RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)


class GoodRating(RatingSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rated = 0
        for symbol in symbols:
            try:
                answer = self.rater.run(symbol, stream=False)
            except SymbolNotFoundError as error:
                yield self.failure(symbol, error)
                continue
            rated += 1
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class GoodAsyncRating(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answers = await asyncio.gather(
            *(self.rater.arun(symbol, stream=False) for symbol in symbols), return_exceptions=True
        )
        rated = 0
        for symbol, answer in zip(symbols, answers, strict=True):
            if isinstance(answer, BaseException):
                yield self.failure(symbol, answer)  # pyright: ignore[reportArgumentType]
            else:
                rated += 1
                yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class FailedEventRating(RatingSteps):
    """The rules' error handling: RunEvent.workflow_failed, which raises inside the handler."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            try:
                answer = self.rater.run(symbol, stream=False)
                yield RunResponse(run_id=self.run_id, content=answer.content)
            except Exception as e:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"Error: {e}", event=event)
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)


class FirstFailureAsyncRating(RatingSteps):
    """gather() without return_exceptions inside try: the first failure hides the other and every result."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        try:
            answers = await asyncio.gather(*(self.rater.arun(symbol, stream=False) for symbol in symbols))
        except SymbolNotFoundError as error:
            yield self.failure("one of the symbols", error)
            answers = []
        for answer in answers:
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{len(answers)} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class SequentialAsyncRating(RatingSteps):
    """Correct items, but one symbol after another on the async path."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        rated = 0
        for symbol in symbols:
            try:
                answer = await self.rater.arun(symbol, stream=False)
            except SymbolNotFoundError as error:
                yield self.failure(symbol, error)
                continue
            rated += 1
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class RaisingRating(RatingSteps):
    """No error handling: the first failure ends the run."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=self.rater.run(symbol, stream=False).content)
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)


# -- answers that hard-code what one run of the check expects, or block in a helper ----------------------------
class HardCodedPipeline(PipelineSteps):
    """Calls both agents, then yields the article it expects for the topic instead of the writer's answer."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        self.writer.run(notes.content, stream=False)
        yield RunResponse(
            run_id=self.run_id, content=f"An article from notes on {topic}.", event=RunEvent.workflow_completed
        )


class MadeUpBrief(BriefSteps):
    """Yields the brief it expects without asking the analyst."""

    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content=f"{symbol}: steady")

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield from self._brief(symbol)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class KnownFailuresRating(GoodRating):
    """Knows which symbols the exercise's text fails (BAD, WORSE) instead of catching the rater's failure."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rated = 0
        for symbol in symbols:
            if symbol in {"BAD", "WORSE"}:
                yield self.failure(symbol, SymbolNotFoundError(f"no data for symbol {symbol!r}"))
                continue
            rated += 1
            yield RunResponse(run_id=self.run_id, content=self.rater.run(symbol, stream=False).content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


def log_step(name: str) -> None:
    import time

    time.sleep(0.4)  # a blocking call hidden in a helper
    print(name, end="")


class HelperSleepAsyncPipeline(PipelineSteps):
    """Awaits both agents, but calls a helper that blocks the loop."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        log_step("research")
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


# -- right answers that differ from the solutions ----------------------------------------------------------
class TaskGroupAsyncRating(RatingSteps):
    """A TaskGroup of tasks that each catch their own failure: none escapes, so none cancels the others."""

    async def _rate(self, symbol: str) -> RunResponse:
        try:
            answer = await self.rater.arun(symbol, stream=False)
        except SymbolNotFoundError as error:
            return self.failure(symbol, error)
        return RunResponse(run_id=self.run_id, content=answer.content)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self._rate(symbol)) for symbol in symbols]
        items = [task.result() for task in tasks]
        for item in items:
            yield item
        rated = sum(item.event != RunEvent.run_error for item in items)
        yield RunResponse(
            run_id=self.run_id, content=f"{rated} of {len(symbols)} rated", event=RunEvent.workflow_completed
        )


class StepsAsyncPipeline(PipelineSteps):
    """The chain written as two awaited helper steps."""

    async def _step(self, agent: Agent, prompt: str) -> str:
        answer = await agent.arun(prompt, stream=False)
        return str(answer.content)

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        article = await self._step(self.writer, await self._step(self.researcher, topic))
        yield RunResponse(run_id=self.run_id, content=article, event=RunEvent.workflow_completed)


class CopiedRaterAsyncRating(RatingSteps):
    """One copy of the rater per concurrent call (agent.deep_copy()), so the calls share no agent state."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        calls = (self.rater.deep_copy().arun(symbol, stream=False) for symbol in symbols)
        answers = await asyncio.gather(*calls, return_exceptions=True)
        rated = 0
        for symbol, answer in zip(symbols, answers, strict=True):
            if isinstance(answer, SymbolNotFoundError):
                yield self.failure(symbol, answer)
            elif isinstance(answer, BaseException):
                raise answer
            else:
                rated += 1
                yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(
            run_id=self.run_id, content=f"{rated} of {len(symbols)} rated", event=RunEvent.workflow_completed
        )
