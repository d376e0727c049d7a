# Known-wrong answer to exercise 6.1: calls both agents, then yields the article it expects for the topic instead of
# the writer's answer.
# expect: [Implementation guidelines 1: Workflow Structure]
# expect: yielded


class GoodAsyncPipeline(PipelineSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)
        self.finish_run(str(article.content))


class HardCodedPipeline(PipelineSteps):
    """Calls both agents, then yields the article it expects for the topic instead of the writer's answer."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        self.writer.run(notes.content, stream=False)
        yield RunResponse(
            run_id=self.run_id, content=f"An article from notes on {topic}.", event=RunEvent.workflow_completed
        )


PipelineWorkflow = HardCodedPipeline
AsyncPipelineWorkflow = GoodAsyncPipeline
