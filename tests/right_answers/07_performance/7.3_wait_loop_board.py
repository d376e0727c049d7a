# A right answer to exercise 7.3: asyncio.wait(FIRST_COMPLETED) in a loop, each finished task read with
# task.exception() and task.result() instead of try/except.


class WaitLoopBoard(LiveBoardSteps):
    """Tasks waited for in a loop, FIRST_COMPLETED, each item yielded as its task is done."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        pending = {asyncio.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols}
        found = 0
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                error = task.exception()
                if error is None:
                    found += 1
                    yield RunResponse(run_id=self.run_id, content=self.quote(task.result()))
                else:
                    yield RunResponse(run_id=self.run_id, content=str(error), event=RunEvent.run_error)
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(f"{found} of {len(symbols)} quotes")


AsyncLiveBoard = WaitLoopBoard
