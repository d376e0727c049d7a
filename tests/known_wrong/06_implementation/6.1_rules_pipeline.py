# Known-wrong answer to exercise 6.1: the rules' structure as written: agent calls without stream=.
# expect: [AGN112]
# expect: stream flag


class GoodAsyncPipeline(PipelineSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)
        self.finish_run(str(article.content))


class RulesPipeline(PipelineSteps):
    """The rules' structure as written: agent calls without stream=."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic)
        article = self.writer.run(notes.content)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


PipelineWorkflow = RulesPipeline
AsyncPipelineWorkflow = GoodAsyncPipeline
