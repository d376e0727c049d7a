# Known-wrong answer to exercise 10.1: the async path makes up its own run id instead of opening its run, so the
# workflow keeps no session, run response or memory of it (agno 1.5.10 wraps run() only).
# expect: [Pitfall 1: Mixing Sync/Async]
# expect: start_run


from uuid import uuid4


class Digest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            headline = self.headline_agent.run(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.headline_agent.arun(self.prompt_for(t), stream=False)) for t in topics]
        for task in tasks:
            yield RunResponse(run_id=self.run_id, content=task.result().content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
