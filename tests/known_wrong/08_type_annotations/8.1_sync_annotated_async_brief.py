# Known-wrong answer to exercise 8.1: arun() annotated as if it were the sync path.
# expect: [AGN108]
# expect: arun() is annotated


class GoodBrief(BriefSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            yield from self._section(topic)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    def _section(self, topic: str) -> Iterator[RunResponse]:
        answer = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class SyncAnnotatedAsyncBrief(BriefSteps):
    """arun() annotated as if it were the sync path."""

    async def arun(self, topics: list[str]) -> Iterator[RunResponse]:  # type: ignore[override]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            answer = await self.writer.arun(topic, stream=False)
            yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)
        self.finish_run(str(f"{len(topics)} sections"))

    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        answer = await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


BriefWorkflow = GoodBrief
AsyncBriefWorkflow = SyncAnnotatedAsyncBrief
