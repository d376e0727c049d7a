# Known-wrong answer to exercise 6.1: the writer gets the topic, not the researcher's notes: the chain is broken.
# expect: [Implementation guidelines 1: Workflow Structure]
# expect: writer


class GoodAsyncPipeline(PipelineSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)
        self.finish_run(str(article.content))


class TopicToWriterPipeline(PipelineSteps):
    """The writer gets the topic, not the researcher's notes: the chain is broken."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.researcher.run(topic, stream=False)
        article = self.writer.run(topic, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


PipelineWorkflow = TopicToWriterPipeline
AsyncPipelineWorkflow = GoodAsyncPipeline
