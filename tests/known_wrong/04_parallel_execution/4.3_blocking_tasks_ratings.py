# Known-wrong answer to exercise 4.3: Blocking calls wrapped in tasks without to_thread: each holds the event loop.
# expect: [AGN107]
# expect: event loop was blocked
# given: solution


class AsyncRatingsWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)

        async def rate(symbol: str) -> dict[str, Any]:
            return self.legacy.blocking_method(symbol)

        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(rate(s)) for s in symbols]
        ratings = [task.result() for task in tasks]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)
