# Known-wrong answer to exercise 1.1: Yields the answer it expects instead of asking the summarizer.
# expect: [Dual Method Pattern]
# expect: last item's content was
# given: solution


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield RunResponse(run_id=self.run_id, content="Async code waits.", event=RunEvent.workflow_completed)
