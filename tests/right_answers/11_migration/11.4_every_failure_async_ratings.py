# A right answer to exercise 11.4 written another way: gather(return_exceptions=True) lets every call finish, so the
# async path reports every failure, as the sync path does, even when they come at different moments.
# given: solution


class AsyncRatingWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        prices = [self.async_tools.get_stock_price(s) for s in symbols]
        ratings = [asyncio.to_thread(self.legacy_tool.blocking_method, s) for s in symbols]
        results = await asyncio.gather(*prices, *ratings, return_exceptions=True)
        errors = {str(r) for r in results if isinstance(r, SymbolNotFoundError)}
        for message in sorted(errors):
            yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if errors:
            self.finish_run(f"{len(errors)} errors")
            return
        for price, rating in zip(results[: len(symbols)], results[len(symbols) :], strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price, rating))  # pyright: ignore[reportArgumentType]
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(symbols)} ratings")
