# Known-wrong answer to exercise 4.3: A ThreadPoolExecutor inside arun(): concurrent threads, but the loop waits for
# them, blocked.
# expect: [AGN107]
# expect: event loop was blocked
# given: solution


class AsyncRatingsWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        with ThreadPoolExecutor() as executor:
            ratings = list(executor.map(self.legacy.blocking_method, symbols))
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)
