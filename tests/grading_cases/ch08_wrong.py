"""Known-wrong answers to chapter 8's exercises: each one is a typing mistake the chapter shows pyright finding."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent


# -- 8.1 -------------------------------------------------------------------------------------------------
class BriefSteps(Workflow):
    writer: Agent = offline_agent("writer", reply=lambda topic: f"Section on {topic}.")


class GoodBrief(BriefSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            yield from self._section(topic)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    def _section(self, topic: str) -> Iterator[RunResponse]:
        answer = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class GoodAsyncBrief(BriefSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        for topic in topics:
            async for item in self._asection(topic):
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        answer = await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class ResponseAnnotatedAsyncBrief(GoodAsyncBrief):
    """The async subflow annotated with what it yields, not with what calling it gives."""

    async def _asection(self, topic: str) -> RunResponse:  # type: ignore[override]
        answer = await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class SyncAnnotatedAsyncBrief(BriefSteps):
    """arun() annotated as if it were the sync path."""

    async def arun(self, topics: list[str]) -> Iterator[RunResponse]:  # type: ignore[override]
        self.run_id = str(uuid4())
        for topic in topics:
            answer = await self.writer.arun(topic, stream=False)
            yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        answer = await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class UnannotatedBrief(GoodBrief):
    """The sync subflow without a return annotation."""

    def _section(self, topic: str):  # type: ignore[override]
        answer = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class NoisyBrief(BriefSteps):
    """Right annotations, but agno's override noise left for pyright to report."""

    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # type: ignore
        for topic in topics:
            yield from self._section(topic)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    def _section(self, topic: str) -> Iterator[RunResponse]:
        answer = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


# -- 8.2 -------------------------------------------------------------------------------------------------
class DigestSteps(Workflow):
    writer: Agent = offline_agent("writer", chunk_delay=0.01)


class GoodDigest(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        try:
            async for chunk in await self.writer.arun(topic, stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class UnawaitedDigest(DigestSteps):
    """The document's un-awaited stream, its TypeError swallowed by the error handler."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        try:
            async for chunk in self.writer.arun(topic, stream=True):  # type: ignore[attr-defined]  # agno-rules: ignore
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class FailedEventDigest(DigestSteps):
    """The document's RunEvent.workflow_failed, which raises only when something fails."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        try:
            async for chunk in await self.writer.arun(topic, stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.workflow_failed)  # type: ignore[attr-defined]  # agno-rules: ignore
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class BlanketIgnoreDigest(DigestSteps):
    """The override noise silenced with a bare `# type: ignore`, which also hides every other error on the line."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # type: ignore
        self.run_id = str(uuid4())
        text = ""
        try:
            async for chunk in await self.writer.arun(topic, stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class RaisingDigest(DigestSteps):
    """Type-clean, but the writer's failure escapes instead of being reported."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.writer.arun(topic, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
