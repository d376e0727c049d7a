# Known-wrong answer to exercise 11.4: Every call off the loop, but awaited one after another.
# expect: [Migration checklist: TaskGroup structured concurrency]
# expect: did not all overlap
# given: solution


class AsyncRatingWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines = []
        for s in symbols:
            price = await self.async_tools.get_stock_price(s)
            rating = await asyncio.to_thread(self.legacy_tool.blocking_method, s)
            lines.append(self.rated(price, rating))
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
