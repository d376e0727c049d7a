# Known-wrong answer to exercise 11.4: The sync path reports its failures, then also the lines of the symbols that
# succeeded.
# expect: [Migration checklist: test both sync and async
# expect: the sync path yielded


class GoodRatings(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=2 * len(symbols)) as pool:
            prices = [pool.submit(self.sync_tools.get_stock_price, s) for s in symbols]
            ratings = [pool.submit(self.legacy_tool.blocking_method, s) for s in symbols]
        errors = {str(f.exception()) for f in prices + ratings if f.exception() is not None}
        for message in sorted(errors):
            yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if errors:
            return
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class RatingWorkflow(GoodRatings):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        items = list(super().run(symbols))
        yield from items
        failed = [item for item in items if item.event == RunEvent.run_error]
        if failed and len(symbols) > len(failed):
            yield RunResponse(run_id=self.run_id, content="partial ratings")


class AsyncRatingWorkflow(DigestSteps):
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
