# Known-wrong answer to exercise 5.3: to_thread given the result of the call: the call runs on the loop, then
# to_thread gets a dict.
# expect: [AGN107]


class AsyncRatingWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
            ratings = [
                tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method(symbol)))  # pyright: ignore
                for symbol in symbols
            ]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
