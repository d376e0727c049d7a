# Known-wrong answer to exercise 6.2: arun() calls its subflow for each symbol but drops what it yields, and asks the
# analyst itself instead.
# expect: [Implementation guidelines 2: Subflow Patterns]
# expect: while its _abrief() calls yielded
# given: solution


class AsyncBriefWorkflow(BriefSteps):
    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content=f"brief of {symbol} to follow")

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            async for _ in self._abrief(symbol):
                pass
            answer = await self.analyst.arun(symbol, stream=False)
            yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(symbols)} briefs")
