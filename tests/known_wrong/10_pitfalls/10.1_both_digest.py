# Known-wrong answer to exercise 10.1: both paths in one class; on agno 1.5.10 its run() returns None.
# expect: [AGN110]
# expect: defines both run() and arun()


class Digest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            headline = self.headline_agent.run(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            headline = await self.headline_agent.arun(self.prompt_for(topic), stream=False)
            yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")


AsyncDigest = Digest
