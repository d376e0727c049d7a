# Known-wrong answer to exercise 7.3: gather(return_exceptions=True), then the items in the order of the symbols:
# every price waits for the slowest, and the board is not in the order the prices arrived.
# expect: [Performance 1 and 3: parallel results streamed as they finish]
# expect: their calls ended in the order


class GatherBoard(LiveBoardSteps):
    """gather, then one item per symbol in the order of the symbols."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        found = 0
        for result in results:
            if isinstance(result, BaseException):
                yield RunResponse(run_id=self.run_id, content=f"Error: {result}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(result))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = GatherBoard
