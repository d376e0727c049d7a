# Known-wrong answer to exercise 8.1: asks the writer about each topic, then yields a section written from the topic
# instead of the writer's answer.
# expect: [Method Signatures]
# expect: yielded contents


class IgnoringBrief(BriefSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            yield from self._section(topic)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    def _section(self, topic: str) -> Iterator[RunResponse]:
        self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=f"Section on {topic}.")


class AsyncIgnoringBrief(BriefSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            async for item in self._asection(topic):
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} sections")

    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=f"Section on {topic}.")


BriefWorkflow = IgnoringBrief
AsyncBriefWorkflow = AsyncIgnoringBrief
