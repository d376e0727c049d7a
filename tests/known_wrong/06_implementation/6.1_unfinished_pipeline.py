# Known-wrong answer to exercise 6.1: arun() opens its run with start_run but never closes it with finish_run, so the
# run never reaches the workflow's memory (or its storage).
# expect: [Implementation guidelines 1: Workflow Structure]
# expect: this run in memory
# given: solution


class AsyncPipelineWorkflow(PipelineSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)
