# A right answer to exercise 6.3: a TaskGroup of tasks that each catch their own failure: none escapes, so none
# cancels the others.


class GoodRating(RatingSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rated = 0
        for symbol in symbols:
            try:
                answer = self.rater.run(symbol, stream=False)
            except SymbolNotFoundError as error:
                yield self.failure(symbol, error)
                continue
            rated += 1
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class TaskGroupAsyncRating(RatingSteps):
    """A TaskGroup of tasks that each catch their own failure: none escapes, so none cancels the others."""

    async def _rate(self, symbol: str) -> RunResponse:
        try:
            answer = await self.rater.arun(symbol, stream=False)
        except SymbolNotFoundError as error:
            return self.failure(symbol, error)
        return RunResponse(run_id=self.run_id, content=answer.content)

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self._rate(symbol)) for symbol in symbols]
        items = [task.result() for task in tasks]
        for item in items:
            yield item
        rated = sum(item.event != RunEvent.run_error for item in items)
        yield RunResponse(
            run_id=self.run_id, content=f"{rated} of {len(symbols)} rated", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{rated} of {len(symbols)} rated"))


RatingWorkflow = GoodRating
AsyncRatingWorkflow = TaskGroupAsyncRating
