# Known-wrong answer to exercise 1.1: Starts a run id of its own but never opens or closes the run: no session,
# memory or run response.
# expect: [Dual Method Pattern]
# expect: the workflow lacks: run_response of this run, this run in memory


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
