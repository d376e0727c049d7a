# Known-wrong answer to exercise 3.1: Asks the reporter about the example's topic, whatever topic it is given.
# expect: [ALWAYS DO 1: Proper Sync Implementation]
# expect: the reporter was asked ['Report on markets.']


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        text = ""
        for chunk in self.reporter.run(self.prompt_for("markets"), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
