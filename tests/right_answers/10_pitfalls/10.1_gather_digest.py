# A right answer to exercise 10.1 written another way: gather() instead of a TaskGroup (any failure ends the run
# anyway, and gather keeps the order of the topics), and the sync path collects its headlines first.


class Digest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        headlines = [self.headline_agent.run(self.prompt_for(topic), stream=False).content for topic in topics]
        yield from (RunResponse(run_id=self.run_id, content=headline) for headline in headlines)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        answers = await asyncio.gather(*(self.headline_agent.arun(self.prompt_for(t), stream=False) for t in topics))
        for answer in answers:
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{len(answers)} headlines"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)
