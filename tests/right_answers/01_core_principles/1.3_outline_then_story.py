# Right answer to exercise 1.3: keeps the text as a list of parts, opens the async run with start_run, and names
# the outline before streaming the story written from it.


class StreamingWorkflow(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline: str = self.outliner.run(topic, stream=False).content
        parts: list[str] = []
        for chunk in self.writer.run(outline, stream=True):
            parts.append(chunk.content or "")
            yield chunk
        yield RunResponse(run_id=self.run_id, content="".join(parts), event=RunEvent.workflow_completed)


class AsyncStreamingWorkflow(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(topic=topic)
        response = await self.outliner.arun(topic, stream=False)
        parts: list[str] = []
        stream = await self.writer.arun(response.content, stream=True)
        async for chunk in stream:
            parts.append(chunk.content or "")
            yield chunk
        yield RunResponse(run_id=run_id, content="".join(parts), event=RunEvent.workflow_completed)
