# Known-wrong answer to exercise 4.3: to_thread awaited one call at a time: the loop stays free, but the calls never
# overlap.
# expect: [Parallel execution]
# expect: not all in flight at once
# given: solution


class AsyncRatingsWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        ratings = [await asyncio.to_thread(self.legacy.blocking_method, s) for s in symbols]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)
