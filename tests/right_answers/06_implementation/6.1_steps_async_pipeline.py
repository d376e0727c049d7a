# A right answer to exercise 6.1: the chain written as two awaited helper steps.
from agno.agent import Agent


class GoodPipeline(PipelineSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


class StepsAsyncPipeline(PipelineSteps):
    """The chain written as two awaited helper steps."""

    async def _step(self, agent: Agent, prompt: str) -> str:
        answer = await agent.arun(prompt, stream=False)
        return str(answer.content)

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        article = await self._step(self.writer, await self._step(self.researcher, topic))
        yield RunResponse(run_id=self.run_id, content=article, event=RunEvent.workflow_completed)
        self.finish_run(str(article))


PipelineWorkflow = GoodPipeline
AsyncPipelineWorkflow = StepsAsyncPipeline
