# Known-wrong answer to exercise 3.1: The rules' two calls, with stream= passed: it works, and costs two model calls
# per run.
# expect: [ALWAYS DO 1: Proper Sync Implementation]
# expect: asked the reporter 2 times


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        response = self.reporter.run(self.prompt_for(topic), stream=False)
        yield from self.reporter.run(self.prompt_for(topic), stream=True)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)
