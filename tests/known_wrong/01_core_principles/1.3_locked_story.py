# Known-wrong answer to exercise 1.3: One lock for every workflow around the whole run: loop free, but two runs
# never overlap.
# expect: [AGN104]
# expect: they did not overlap
# given: solution

import asyncio

LOCKS: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}


def one_lock() -> asyncio.Lock:
    """One lock for every workflow object (a lock belongs to the loop that first waits on it)."""
    return LOCKS.setdefault(asyncio.get_running_loop(), asyncio.Lock())


class GoodAsyncStory(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        outline = await self.outliner.arun(topic, stream=False)
        text = ""
        async for chunk in await self.writer.arun(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class AsyncStreamingWorkflow(GoodAsyncStory):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async with one_lock():
            async for item in super().arun(topic):
                yield item
