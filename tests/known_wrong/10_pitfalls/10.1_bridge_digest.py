# Known-wrong answer to exercise 10.1: pitfall 1, the sync path drives the async agent call with asyncio.run().
# expect: [AGN101]
# expect: RuntimeError


class Digest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            headline = asyncio.run(self.headline_agent.arun(self.prompt_for(topic), stream=False))
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.headline_agent.arun(self.prompt_for(t), stream=False)) for t in topics]
        for task in tasks:
            yield RunResponse(run_id=self.run_id, content=task.result().content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")
