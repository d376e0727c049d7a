# Known-wrong answer to exercise 8.1: the async subflow annotated with what it yields, not with what calling it gives.
# expect: [AGN108]
# expect: _asection() is annotated


class GoodBrief(BriefSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            yield from self._section(topic)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)

    def _section(self, topic: str) -> Iterator[RunResponse]:
        answer = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class GoodAsyncBrief(BriefSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            async for item in self._asection(topic):
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)
        self.finish_run(str(f"{len(topics)} sections"))

    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        answer = await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


class ResponseAnnotatedAsyncBrief(GoodAsyncBrief):
    """The async subflow annotated with what it yields, not with what calling it gives."""

    async def _asection(self, topic: str) -> RunResponse:  # type: ignore[override]
        answer = await self.writer.arun(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


BriefWorkflow = GoodBrief
AsyncBriefWorkflow = ResponseAnnotatedAsyncBrief
