# Known-wrong answer to exercise 7.2: the rules' TaskGroup example, corrected events: one failure cancels the other
# calls, results are lost.
# expect: [Performance 3: gather(..., return_exceptions=True) keeps every result]
# expect: reported 0 of them


class TaskGroupBoard(BoardSteps):
    """The rules' TaskGroup example, corrected events: one failure cancels the other calls, results are lost."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
            for task in tasks:
                yield RunResponse(run_id=self.run_id, content=self.quote(task.result()))
            yield RunResponse(
                run_id=self.run_id,
                content=f"{len(symbols)} of {len(symbols)} quotes",
                event=RunEvent.workflow_completed,
            )
        except* SymbolNotFoundError as group:
            for error in group.exceptions:
                yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            yield RunResponse(
                run_id=self.run_id, content=f"0 of {len(symbols)} quotes", event=RunEvent.workflow_completed
            )


AsyncPriceBoard = TaskGroupBoard
