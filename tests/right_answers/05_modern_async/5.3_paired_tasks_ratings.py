# Right answer to exercise 5.3: one pair of tasks per symbol, the rating through a helper that hands the blocking
# call to a thread.


class AsyncRatingWorkflow(RatingSteps):
    async def rating_of(self, symbol: str) -> dict[str, Any]:
        return await asyncio.to_thread(self.legacy_tool.blocking_method, symbol)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            pairs = [
                (tg.create_task(self.async_tools.get_stock_price(s)), tg.create_task(self.rating_of(s)))
                for s in symbols
            ]
        for price, rating in pairs:
            yield RunResponse(run_id=run_id, content=self.rated(price.result(), rating.result()))
        done = f"{len(pairs)} ratings"
        yield RunResponse(run_id=run_id, content=done, event=RunEvent.workflow_completed)
        self.finish_run(done)
