# Right answer to exercise 2.3: the blocking call goes to the loop's default executor, and the run is closed in a
# finally block.


class AsyncBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(symbol=symbol)
        self.run_id = run_id
        content = ""
        try:
            loop = asyncio.get_running_loop()
            rating = await loop.run_in_executor(None, self.legacy.blocking_method, symbol)
            response = await self.analyst.arun(self.prompt_for(rating), stream=False)
            content = str(response.content)
            yield RunResponse(run_id=run_id, content=content, event=RunEvent.workflow_completed)
        finally:
            self.finish_run(content)
