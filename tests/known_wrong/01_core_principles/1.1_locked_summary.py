# Known-wrong answer to exercise 1.1: Guards the agent with one lock for every workflow: loop free, but the runs
# take turns.
# expect: [AGN104]
# expect: concurrent runs

import asyncio

LOCKS: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}


def one_lock() -> asyncio.Lock:
    """One lock for every workflow object (a lock belongs to the loop that first waits on it)."""
    return LOCKS.setdefault(asyncio.get_running_loop(), asyncio.Lock())


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async with one_lock():
            answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))
