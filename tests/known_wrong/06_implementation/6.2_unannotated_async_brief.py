# Known-wrong answer to exercise 6.2: an async subflow without its AsyncIterator[RunResponse] annotation.
# expect: [AGN108]
# expect: _abrief


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


class UnannotatedAsyncBrief(GoodAsyncBrief):
    """An async subflow without its AsyncIterator[RunResponse] annotation."""

    async def _abrief(self, symbol: str):
        answer = await self.analyst.arun(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content)


BriefWorkflow = GoodBrief
AsyncBriefWorkflow = UnannotatedAsyncBrief
