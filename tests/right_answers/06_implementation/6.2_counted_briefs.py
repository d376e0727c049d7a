# A right answer to exercise 6.2: each subflow's items passed on one by one and counted, and the async path closes
# its run.


class BriefWorkflow(BriefSteps):
    def _brief(self, symbol: str) -> Iterator[RunResponse]:
        yield RunResponse(run_id=self.run_id, content=self.analyst.run(symbol, stream=False).content)

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        count = 0
        for symbol in symbols:
            for item in self._brief(symbol):
                count += 1
                yield item
        yield RunResponse(run_id=self.run_id, content=f"{count} briefs", event=RunEvent.workflow_completed)


class AsyncBriefWorkflow(BriefSteps):
    async def _abrief(self, symbol: str) -> AsyncIterator[RunResponse]:
        response = await self.analyst.arun(symbol, stream=False)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.run_response)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        briefs = 0
        for symbol in symbols:
            async for item in self._abrief(symbol):
                briefs += 1
                yield item
        done = RunResponse(run_id=self.run_id, content=f"{briefs} briefs", event=RunEvent.workflow_completed)
        yield done
        self.finish_run(str(done.content))
