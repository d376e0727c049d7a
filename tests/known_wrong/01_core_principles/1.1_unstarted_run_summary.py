# Known-wrong answer to exercise 1.1: arun() that never starts its own run.
# expect: [AGN111]
# expect: run ids


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
