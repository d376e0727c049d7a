# Known-wrong answer to exercise 7.2: keeps every result but drops the failures without a word.
# expect: [Performance 3: every failure reported]
# expect: reported 0 error item(s)


class SilentBoard(BoardSteps):
    """Keeps every result but drops the failures without a word."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        prices = [result for result in results if not isinstance(result, BaseException)]
        for price in prices:
            yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(
            run_id=self.run_id, content=f"{len(prices)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{len(prices)} of {len(symbols)} quotes"))


AsyncPriceBoard = SilentBoard
