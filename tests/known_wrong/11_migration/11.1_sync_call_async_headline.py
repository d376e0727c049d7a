# Known-wrong answer to exercise 11.1: the async path asks the headline agent through its sync run(), which holds the
# event loop for as long as the model takes.
# expect: [AGN104]
# expect: the event loop was blocked


class HeadlineWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        headline = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class AsyncHeadlineWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        headline = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)
        self.finish_run(str(headline.content))
