# Known-wrong answer to exercise 5.3: concurrent and loop-free, with a run id of its own, but the run is never opened
# or closed: no run response, nothing in memory.
# expect: [Modern Async Patterns 1: TaskGroup]
# expect: the workflow lacks: run_response of this run, this run in memory

from uuid import uuid4


class AsyncRatingWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.async_tools.get_stock_price(symbol)) for symbol in symbols]
            ratings = [
                tg.create_task(asyncio.to_thread(self.legacy_tool.blocking_method, symbol)) for symbol in symbols
            ]
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
