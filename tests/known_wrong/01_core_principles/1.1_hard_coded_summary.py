# Known-wrong answer to exercise 1.1: Yields the answer it expects instead of asking the summarizer.
# expect: [Dual Method Pattern]
# expect: last item's content was


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield RunResponse(run_id=self.run_id, content="Async code waits.", event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))
