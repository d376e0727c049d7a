# Known-wrong answer to exercise 7.3: as_completed, in the right order, but collected into a list and yielded after
# the last call: the early prices wait for the slowest one.
# expect: [Performance 1 and 3: parallel results streamed as they finish]
# expect: the first item
# expect: held back prices


class CollectedBoard(LiveBoardSteps):
    """Items made in the order the calls finish, but kept in a list until every call has ended."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        items: list[RunResponse] = []
        for next_done in asyncio.as_completed([self.async_tools.get_stock_price(symbol) for symbol in symbols]):
            try:
                price = await next_done
            except SymbolNotFoundError as error:
                items.append(RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error))
            else:
                items.append(RunResponse(run_id=self.run_id, content=self.quote(price)))
        for item in items:  # agno-rules: ignore
            yield item
        found = sum(item.event != RunEvent.run_error for item in items)
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = CollectedBoard
