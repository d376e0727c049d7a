# Known-wrong answer to exercise 7.2: right items, one call after another.
# expect: [Performance 3: parallel processing]
# expect: did not all overlap


class SequentialBoard(BoardSteps):
    """Right items, one call after another."""

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
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{found} of {len(symbols)} quotes"))


AsyncPriceBoard = SequentialBoard
