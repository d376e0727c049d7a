# Known-wrong answer to exercise 10.1: the async path makes up its own run id instead of opening its run, so the
# workflow keeps no session, run response or memory of it (agno 1.5.10 wraps run() only).
# expect: [Pitfall 1: Mixing Sync/Async]
# expect: start_run
# given: solution

from uuid import uuid4


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.headline_agent.arun(self.prompt_for(t), stream=False)) for t in topics]
        for task in tasks:
            yield RunResponse(run_id=self.run_id, content=task.result().content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
