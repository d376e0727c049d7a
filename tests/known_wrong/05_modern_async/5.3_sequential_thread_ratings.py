# Known-wrong answer to exercise 5.3: to_thread used correctly, but each rating awaited before the next starts.
# expect: [Modern Async Patterns 1: TaskGroup]
# expect: not all in flight at once


class AsyncRatingWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
        for symbol, price in zip(symbols, prices, strict=True):
            rating = await asyncio.to_thread(self.legacy_tool.blocking_method, symbol)
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
