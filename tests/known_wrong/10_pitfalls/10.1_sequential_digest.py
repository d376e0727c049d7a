# Known-wrong answer to exercise 10.1: async all the way, but one await after the other, so nothing overlaps.
# expect: [Pitfall 1: Mixing Sync/Async]
# expect: were not all in flight at once
# given: solution


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            headline = await self.headline_agent.arun(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")
