# Known-wrong answer to exercise 6.1: sync agent calls inside the async path.
# expect: [AGN104]
# expect: event loop was blocked


class GoodPipeline(PipelineSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class SyncCallAsyncPipeline(PipelineSteps):
    """Sync agent calls inside the async path."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)
        self.finish_run(str(article.content))


PipelineWorkflow = GoodPipeline
AsyncPipelineWorkflow = SyncCallAsyncPipeline
