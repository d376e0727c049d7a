# Known-wrong answer to exercise 7.3: each price yielded as soon as its call returns, but the calls made one after
# another: the board takes the sum of the latencies.
# expect: [Performance 3: parallel processing]
# expect: one after another


class SequentialBoard(LiveBoardSteps):
    """One call at a time, each item yielded as soon as its call returns."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        found = 0
        for symbol in symbols:
            try:
                price = await self.async_tools.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = SequentialBoard
