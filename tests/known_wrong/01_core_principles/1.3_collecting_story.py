# Known-wrong answer to exercise 1.3: collects the stream, then yields it: collect-then-yield.
# expect: [AGN103]


class StreamingWorkflow(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = self.outliner.run(topic, stream=False)
        chunks = list(self.writer.run(outline.content, stream=True))
        yield from chunks
        text = "".join(chunk.content or "" for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class AsyncStreamingWorkflow(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        outline = await self.outliner.arun(topic, stream=False)
        text = ""
        async for chunk in await self.writer.arun(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
