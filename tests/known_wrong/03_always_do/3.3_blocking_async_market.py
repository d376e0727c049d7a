# Known-wrong answer to exercise 3.3: The sync price source inside the async path: every fetch blocks the event loop.
# expect: [AGN107]
# expect: event loop was blocked
# given: solution


class AsyncMarketWorkflow(MarketSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines = []
        for symbol in symbols:
            line = self.line_for(self.prices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
