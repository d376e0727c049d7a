# Known-wrong answer to exercise 7.2: gather() without return_exceptions: the first unknown symbol ends the board.
# expect: [Result]
# expect: return_exceptions=True


class PlainGatherBoard(BoardSteps):
    """gather() without return_exceptions: the first unknown symbol ends the board."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        prices = await asyncio.gather(*(self.async_tools.get_stock_price(s) for s in symbols))  # agno-rules: ignore
        for price in prices:
            yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(
            run_id=self.run_id, content=f"{len(prices)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{len(prices)} of {len(symbols)} quotes"))


AsyncPriceBoard = PlainGatherBoard
