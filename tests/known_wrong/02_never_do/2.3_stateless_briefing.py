# Known-wrong answer to exercise 2.3: a run id of its own, but the run is never opened or closed: no run response,
# nothing in memory.
# expect: [Dual Method Pattern]
# expect: the workflow lacks: run_response of this run, this run in memory

from uuid import uuid4


class AsyncBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
        answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
