# Known-wrong answer to exercise 4.3: A sync path that calls the blocking tool once per symbol, in turn.
# expect: [Parallel execution]
# expect: not all in flight at once


class RatingsWorkflow(RatingSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        ratings = [self.legacy.blocking_method(s) for s in symbols]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)


class AsyncRatingsWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(asyncio.to_thread(self.legacy.blocking_method, s)) for s in symbols]
        ratings = [task.result() for task in tasks]
        yield RunResponse(run_id=self.run_id, content=self.line(ratings), event=RunEvent.workflow_completed)
