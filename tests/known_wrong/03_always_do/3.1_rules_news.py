# Known-wrong answer to exercise 3.1: Always do 1 as the rules write it: a call without stream=, then a second,
# streamed call.
# expect: [AGN112]
# expect: stream flag


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        response = self.reporter.run(self.prompt_for(topic))
        yield from self.reporter.run(self.prompt_for(topic), stream=True)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)
