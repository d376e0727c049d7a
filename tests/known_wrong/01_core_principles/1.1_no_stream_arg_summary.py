# Known-wrong answer to exercise 1.1: correct behaviour, but an agent call without an explicit stream= (only the rule
# checker sees it).
# expect: [AGN112]
# given: solution


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic))
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
