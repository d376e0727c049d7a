# Right answer to exercise 4.3: the sync path keeps a list of futures, the async path gathers to_thread calls and
# closes its run in a finally block.


class RatingsWorkflow(RatingSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=len(symbols)) as pool:
            futures = [pool.submit(self.legacy.blocking_method, symbol) for symbol in symbols]
        content = self.line([future.result() for future in futures])
        yield RunResponse(run_id=self.run_id, content=content, event=RunEvent.workflow_completed)


class AsyncRatingsWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(symbols=symbols)
        self.run_id = run_id
        content = ""
        try:
            ratings = await asyncio.gather(*(asyncio.to_thread(self.legacy.blocking_method, s) for s in symbols))
            content = self.line(list(ratings))
            yield RunResponse(run_id=run_id, content=content, event=RunEvent.workflow_completed)
        finally:
            self.finish_run(content)
