# Known-wrong answer to exercise 8.1: right annotations, and each section written from the topic alone: the writer is
# never asked.
# expect: [Method Signatures]
# expect: the writer was asked []


class SelfWrittenBrief(BriefSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            yield from self._section(topic)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    def _section(self, topic: str) -> Iterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content=f"Section on {topic}.")


class AsyncSelfWrittenBrief(BriefSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            async for item in self._asection(topic):
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} sections")

    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content=f"Section on {topic}.")


BriefWorkflow = SelfWrittenBrief
AsyncBriefWorkflow = AsyncSelfWrittenBrief
