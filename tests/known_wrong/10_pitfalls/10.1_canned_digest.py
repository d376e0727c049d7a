# Known-wrong answer to exercise 10.1: asks about every topic concurrently, then yields the headline the given
# model always answers instead of the answers it got.
# expect: [Pitfall 1: Mixing Sync/Async]
# expect: 'Markets steady.'


class Digest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            headline = self.headline_agent.run(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        await asyncio.gather(*(self.headline_agent.arun(self.prompt_for(t), stream=False) for t in topics))
        for _ in topics:
            yield RunResponse(run_id=self.run_id, content="Markets steady.")
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")
