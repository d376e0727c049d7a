# Known-wrong answer to exercise 2.3: non-blocking, but never opens its own run.
# expect: [AGN111]


class AsyncBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
        answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
