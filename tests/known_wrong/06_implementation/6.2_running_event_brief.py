# Known-wrong answer to exercise 6.2: the rules' subflow event, RunEvent.workflow_running, which no agno release has.
# expect: [AGN109]
# expect: workflow_running


class GoodBrief(BriefSteps):
    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        answer = self.analyst.run(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield from self._brief(symbol)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class GoodAsyncBrief(BriefSteps):
    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        answer = await self.analyst.arun(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            async for item in self._abrief(symbol):
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)
        self.finish_run(str(f"{len(symbols)} briefs"))


class RunningEventBrief(GoodBrief):
    """The rules' subflow event, RunEvent.workflow_running, which no agno release has."""

    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        answer = self.analyst.run(symbol, stream=False)
        event = RunEvent.workflow_running  # pyright: ignore[reportAttributeAccessIssue]
        yield RunResponse(run_id=self.run_id, content=answer.content, event=event)


BriefWorkflow = RunningEventBrief
AsyncBriefWorkflow = GoodAsyncBrief
