# Known-wrong answer to exercise 3.3: An async path that drifted from the sync one: it skips the per-symbol items.
# expect: [ALWAYS DO 1-2: both paths give the same result]
# expect: sync path
# given: solution


class AsyncMarketWorkflow(MarketSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines = [self.line_for(await self.aprices.get_stock_price(symbol)) for symbol in symbols]
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
