"""Known-wrong answers to chapter 10's exercises: each one is a pitfall the chapter shows failing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent


# -- 10.1 ------------------------------------------------------------------------------------------------
class DigestSteps(Workflow):
    headline_agent: Agent = offline_agent("headliner", "Markets steady.", latency=0.3)

    def prompt_for(self, topic: str) -> str:
        return f"One headline on {topic}"


class GoodDigest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            headline = self.headline_agent.run(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class GoodAsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.headline_agent.arun(self.prompt_for(t), stream=False)) for t in topics]
        for task in tasks:
            yield RunResponse(run_id=self.run_id, content=task.result().content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class BridgeDigest(DigestSteps):
    """Pitfall 1: the sync path drives the async agent call with asyncio.run()."""

    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            headline = asyncio.run(self.headline_agent.arun(self.prompt_for(topic), stream=False))
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class BothDigest(GoodDigest):
    """Both paths in one class: on agno 1.5.10 its run() returns None."""

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for topic in topics:
            headline = await self.headline_agent.arun(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class SyncCallAsyncDigest(DigestSteps):
    """Pitfall 1 the other way round: the async path calls the blocking agent.run()."""

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for topic in topics:
            headline = self.headline_agent.run(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class SequentialAsyncDigest(DigestSteps):
    """Async all the way, but one await after the other: nothing overlaps."""

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for topic in topics:
            headline = await self.headline_agent.arun(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


# -- 10.2 ------------------------------------------------------------------------------------------------
class RelaySteps(Workflow):
    writer: Agent = offline_agent("writer", chunk_delay=0.03)

    def prompt_for(self, topic: str) -> str:
        return f"A story about {topic}"


class GoodRelay(RelaySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class CollectingRelay(RelaySteps):
    """Pitfall 3: every chunk gathered first, then yielded."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        chunks = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            chunks.append(chunk)
        for chunk in chunks:
            yield chunk
        text = "".join(chunk.content for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class MistypedRelay(RelaySteps):
    """Pitfall 4: an async generator annotated as a sync Iterator."""

    async def arun(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class UnawaitedRelay(RelaySteps):
    """Pitfall 4: the agno 2.x form, `async for` over the coroutine arun() returns on 1.x."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in self.writer.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            text += chunk.content
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class FailedEventRelay(RelaySteps):
    """Pitfall 2: the final item carries an event no agno release has."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content
            yield chunk
        event = RunEvent.workflow_running  # pyright: ignore[reportAttributeAccessIssue]
        yield RunResponse(run_id=self.run_id, content=text, event=event)


# -- an answer that hard-codes what the exercise's model answers, and one right answer written differently -----
class CannedAsyncDigest(DigestSteps):
    """Asks about every topic concurrently, then yields the headline the exercise's model always gives."""

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        await asyncio.gather(*(self.headline_agent.arun(self.prompt_for(t), stream=False) for t in topics))
        for _ in topics:
            yield RunResponse(run_id=self.run_id, content="Markets steady.")
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class GatherAsyncDigest(DigestSteps):
    """gather() instead of a TaskGroup: any failure would end the run anyway, and the order of topics is kept."""

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answers = await asyncio.gather(*(self.headline_agent.arun(self.prompt_for(t), stream=False) for t in topics))
        for answer in answers:
            yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class CopiedAgentAsyncDigest(DigestSteps):
    """One copy of the headline agent per concurrent call (agent.deep_copy()): no agent state shared."""

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [
                tg.create_task(self.headline_agent.deep_copy().arun(self.prompt_for(t), stream=False)) for t in topics
            ]
        for task in tasks:
            yield RunResponse(run_id=self.run_id, content=task.result().content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
