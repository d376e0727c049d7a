# Known-wrong answer to exercise 5.3: The blocking call hidden in a helper the rule checker cannot see: only the event
# loop notices.
# expect: [AGN107]
# expect: the event loop was blocked


def fetch_rating(client: Any, symbol: str) -> dict[str, Any]:
    return client.blocking_method(symbol)


class AsyncRatingWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
        for symbol, price in zip(symbols, prices, strict=True):
            rating = fetch_rating(self.legacy_tool, symbol)
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
