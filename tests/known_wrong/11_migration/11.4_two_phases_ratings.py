# Known-wrong answer to exercise 11.4: every price at once, then every rating at once: two rounds of calls, on both
# paths, where one is enough.
# expect: [Migration checklist: TaskGroup structured concurrency]
# expect: did not all overlap


class RatingWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=len(symbols)) as pool:
            prices = [pool.submit(self.sync_tools.get_stock_price, s) for s in symbols]
            for f in prices:
                f.exception()
            ratings = [pool.submit(self.legacy_tool.blocking_method, s) for s in symbols]
        errors = {str(f.exception()) for f in prices + ratings if f.exception() is not None}
        for message in sorted(errors):
            yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if errors:
            return
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


class AsyncRatingWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines: list[str] | None = None
        errors: list[str] = []
        try:
            async with asyncio.TaskGroup() as tg:
                prices = [tg.create_task(self.async_tools.get_stock_price(s)) for s in symbols]
            async with asyncio.TaskGroup() as tg:
                ratings = [tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method, s)) for s in symbols]
            lines = [self.rated(p.result(), r.result()) for p, r in zip(prices, ratings, strict=True)]
        except* SymbolNotFoundError as group:
            errors = sorted({f"Error: {error}" for error in group.exceptions})
            for error in errors:
                yield RunResponse(run_id=self.run_id, content=error, event=RunEvent.run_error)
        if lines is None:
            self.finish_run("; ".join(errors))
            return
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        done = f"{len(symbols)} ratings"
        yield RunResponse(run_id=self.run_id, content=done, event=RunEvent.workflow_completed)
        self.finish_run(done)
