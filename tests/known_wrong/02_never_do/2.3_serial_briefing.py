# Known-wrong answer to exercise 2.3: loop free, but one lock for every workflow: the briefings take turns.
# expect: [AGN107]
# expect: they did not overlap

LOCKS: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}


def one_lock() -> asyncio.Lock:
    """One lock for every workflow object (a lock belongs to the loop that first waits on it)."""
    return LOCKS.setdefault(asyncio.get_running_loop(), asyncio.Lock())


class AsyncBriefing(BriefingSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        async with one_lock():
            rating = await asyncio.to_thread(self.legacy.blocking_method, symbol)
            answer = await self.analyst.arun(self.prompt_for(rating), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))
