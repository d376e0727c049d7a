# Known-wrong answer to exercise 11.1: Both paths left in one class.
# expect: [AGN110]


class HeadlineWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        headline = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        headline = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)


class AsyncHeadlineWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        headline = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.workflow_completed)
