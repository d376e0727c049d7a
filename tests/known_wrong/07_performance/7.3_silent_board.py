# Known-wrong answer to exercise 7.3: prices as they arrive, but a failed call leaves no item: the board says
# nothing about the symbols it could not price.
# expect: [Performance 3: every failure reported]
# expect: reported 0 error item(s)


class SilentBoard(LiveBoardSteps):
    """as_completed with each failure swallowed."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        found = 0
        for next_done in asyncio.as_completed([self.async_tools.get_stock_price(symbol) for symbol in symbols]):
            try:
                price = await next_done
            except SymbolNotFoundError:
                continue
            found += 1
            yield RunResponse(run_id=self.run_id, content=self.quote(price))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = SilentBoard
