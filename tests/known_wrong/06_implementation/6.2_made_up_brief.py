# Known-wrong answer to exercise 6.2: yields the brief it expects without asking the analyst.
# expect: [Implementation guidelines 2: Subflow Patterns]
# expect: asked the analyst []


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


class MadeUpBrief(BriefSteps):
    """Yields the brief it expects without asking the analyst."""

    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content=f"{symbol}: steady")

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield from self._brief(symbol)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


BriefWorkflow = MadeUpBrief
AsyncBriefWorkflow = GoodAsyncBrief
