# Known-wrong answer to exercise 1.3: drives the async agent from the sync path with asyncio.run().
# expect: [AGN101]

import asyncio


class StreamingWorkflow(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = asyncio.run(self.outliner.arun(topic, stream=False))
        response = self.writer.run(outline.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)


class AsyncStreamingWorkflow(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        outline = await self.outliner.arun(topic, stream=False)
        text = ""
        async for chunk in await self.writer.arun(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
