# Known-wrong answer to exercise 6.2: the subflows exist, with the right kind and annotation, but run() and arun()
# ask the analyst themselves and never call them.
# expect: [Implementation guidelines 2: Subflow Patterns]
# expect: never called _brief()


class BriefWorkflow(BriefSteps):
    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content="")

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            answer = self.analyst.run(symbol, stream=False)
            yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)


class AsyncBriefWorkflow(BriefSteps):
    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content="")

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            answer = await self.analyst.arun(symbol, stream=False)
            yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} briefs", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(symbols)} briefs")
