# Known-wrong answer to exercise 4.3: concurrent and loop-free, with a run id of its own, but the async run is never
# opened or closed: no run response, nothing in memory.
# expect: [Parallel execution]
# expect: the workflow lacks: run_response of this run, this run in memory
# given: solution

from uuid import uuid4


class AsyncRatingsWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(asyncio.to_thread(self.legacy.blocking_method, s)) for s in symbols]
        ratings = [task.result() for task in tasks]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)
