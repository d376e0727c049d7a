# A right answer to exercise 7.2: a TaskGroup of tasks that each catch their own failure: every call finishes, none
# cancels another.


class CaughtTasksBoard(BoardSteps):
    """A TaskGroup of tasks that each catch their own failure: every call finishes, none cancels another."""

    async def _quote(self, symbol: str) -> RunResponse:
        try:
            price = await self.async_tools.get_stock_price(symbol)
        except SymbolNotFoundError as error:
            return RunResponse(run_id=self.run_id, content=str(error), event=RunEvent.run_error)
        return RunResponse(run_id=self.run_id, content=self.quote(price))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self._quote(symbol)) for symbol in symbols]
        found = 0
        for task in tasks:
            found += task.result().event != RunEvent.run_error
            yield task.result()
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{found} of {len(symbols)} quotes"))


AsyncPriceBoard = CaughtTasksBoard
