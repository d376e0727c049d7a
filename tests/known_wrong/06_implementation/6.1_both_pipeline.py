# Known-wrong answer to exercise 6.1: the rules' one class with run() and arun().
# expect: [AGN110]
# expect: defines both


class BothPipeline(PipelineSteps):
    """The rules' one class with run() and arun()."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


PipelineWorkflow = BothPipeline
AsyncPipelineWorkflow = BothPipeline
