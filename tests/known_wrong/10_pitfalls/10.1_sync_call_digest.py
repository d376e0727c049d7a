# Known-wrong answer to exercise 10.1: pitfall 1 the other way round, the async path calls the blocking agent.run().
# expect: [AGN104]
# expect: the event loop was blocked
# given: solution


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            headline = self.headline_agent.run(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")
