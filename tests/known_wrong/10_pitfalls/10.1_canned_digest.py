# Known-wrong answer to exercise 10.1: asks about every topic concurrently, then yields the headline the given
# model always answers instead of the answers it got.
# expect: [Pitfall 1: Mixing Sync/Async]
# expect: 'Markets steady.'
# given: solution


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        await asyncio.gather(*(self.headline_agent.arun(self.prompt_for(t), stream=False) for t in topics))
        for _ in topics:
            yield RunResponse(run_id=self.run_id, content="Markets steady.")
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")
