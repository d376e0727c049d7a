# A right answer to exercise 7.3: one task per symbol puts its finished item on an asyncio.Queue, and the path
# yields the queue's items as they come, one per symbol.


class QueueBoard(LiveBoardSteps):
    """Producer tasks post each symbol's item to a queue; the path relays the queue."""

    async def _post(self, symbol: str, queue: asyncio.Queue[RunResponse]) -> None:
        try:
            price = await self.async_tools.get_stock_price(symbol)
        except SymbolNotFoundError as error:
            await queue.put(RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error))
        else:
            await queue.put(RunResponse(run_id=self.run_id, content=self.quote(price)))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        queue: asyncio.Queue[RunResponse] = asyncio.Queue()
        posters = [asyncio.create_task(self._post(symbol, queue)) for symbol in symbols]
        found = 0
        for _ in posters:
            item = await queue.get()
            found += item.event != RunEvent.run_error
            yield item
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = QueueBoard
