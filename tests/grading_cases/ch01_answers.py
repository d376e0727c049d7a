"""Chapter 1 answers the grading harness's own tests use: a right one, and one whose async path never ends."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

from agno.workflow import RunEvent, RunResponse

from agnocourse.offline import offline_agent
from agnocourse.patterns import TwoPathWorkflow


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


class EndlessSummary(SummarySteps):
    """An async path whose await never returns."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        await asyncio.sleep(10**6)
        yield RunResponse(run_id=self.run_id, content="never", event=RunEvent.workflow_completed)
