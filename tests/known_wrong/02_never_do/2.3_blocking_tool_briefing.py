# Known-wrong answer to exercise 2.3: the blocking legacy tool called directly on the event loop.
# expect: [AGN107]
# expect: AsyncBriefing, line


class AsyncBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        rating = self.legacy.blocking_method(symbol)
        answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))
