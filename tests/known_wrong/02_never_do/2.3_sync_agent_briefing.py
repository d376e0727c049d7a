# Known-wrong answer to exercise 2.3: a sync agent call inside async def (Never do 4, the silent direction).
# expect: [AGN104]
# expect: the event loop was blocked


class AsyncBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
        answer = self.analyst.run(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))
