# A right answer to exercise 7.2: gather() over coroutines that each catch their own failure: nothing escapes, so
# return_exceptions is moot.


class CaughtGatherBoard(BoardSteps):
    """gather() over coroutines that each catch their own failure: nothing escapes, so return_exceptions is moot."""

    async def _quote(self, symbol: str) -> RunResponse:
        try:
            price = await self.async_tools.get_stock_price(symbol)
        except SymbolNotFoundError as error:
            return RunResponse(run_id=self.run_id, content=str(error), event=RunEvent.run_error)
        return RunResponse(run_id=self.run_id, content=self.quote(price))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        items = await asyncio.gather(*(self._quote(symbol) for symbol in symbols))
        for item in items:
            yield item
        found = sum(item.event != RunEvent.run_error for item in items)
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{found} of {len(symbols)} quotes"))


AsyncPriceBoard = CaughtGatherBoard
