# A right answer to exercise 6.2: the sync path chains the subflows' generators, the async path calls its subflow
# with a keyword argument and reads it item by item with anext().
from itertools import chain


class BriefWorkflow(BriefSteps):
    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        response = self.analyst.run(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=response.content)

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from chain.from_iterable(map(self._brief, symbols))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class AsyncBriefWorkflow(BriefSteps):
    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        response = await self.analyst.arun(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=response.content)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            items = self._abrief(symbol=symbol)
            while (item := await anext(items, None)) is not None:
                yield item
        summary = f"{len(symbols)} briefs"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)
