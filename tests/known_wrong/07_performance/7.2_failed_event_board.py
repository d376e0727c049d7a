# Known-wrong answer to exercise 7.2: the rules' gather example as written: RunEvent.workflow_failed and
# workflow_running.
# expect: [AGN109]


class FailedEventBoard(BoardSteps):
    """The rules' gather example as written: RunEvent.workflow_failed and workflow_running."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        found = 0
        for result in results:
            if isinstance(result, Exception):
                yield RunResponse(
                    run_id=self.run_id,
                    content=f"Error: {result}",
                    event=RunEvent.workflow_failed,  # pyright: ignore[reportAttributeAccessIssue]
                )
            else:
                found += 1
                yield RunResponse(
                    run_id=self.run_id,
                    content=self.quote(result),
                    event=RunEvent.workflow_running,  # pyright: ignore[reportAttributeAccessIssue]
                )
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{found} of {len(symbols)} quotes"))


AsyncPriceBoard = FailedEventBoard
