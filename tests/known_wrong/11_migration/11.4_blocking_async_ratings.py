# Known-wrong answer to exercise 11.4: The legacy client called directly in the async path.
# expect: [AGN107]
# given: solution


class GoodAsyncRatings(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines: list[str] | None = None
        try:
            async with asyncio.TaskGroup() as tg:
                prices = [tg.create_task(self.async_tools.get_stock_price(s)) for s in symbols]
                ratings = [tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method, s)) for s in symbols]
            lines = [self.rated(p.result(), r.result()) for p, r in zip(prices, ratings, strict=True)]
        except* SymbolNotFoundError as group:
            for message in sorted({str(error) for error in group.exceptions}):
                yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if lines is None:
            return
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class AsyncRatingWorkflow(GoodAsyncRatings):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        prices = [await self.async_tools.get_stock_price(s) for s in symbols]
        ratings = [self.legacy_tool.blocking_method(s) for s in symbols]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
