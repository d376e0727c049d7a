# Known-wrong answer to exercise 5.3: Calls the blocking method inside the async path.
# expect: [AGN107]


class AsyncRatingWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            price = await self.async_tools.get_stock_price(symbol)
            rating = self.legacy_tool.blocking_method(symbol)
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
