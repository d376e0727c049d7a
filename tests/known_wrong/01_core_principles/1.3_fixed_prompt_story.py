# Known-wrong answer to exercise 1.3: asks the outliner the same prompt whatever the topic.
# expect: [Agent Call Patterns]
# expect: asked the outliner ['Write an outline.']


class StreamingWorkflow(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = self.outliner.run("Write an outline.", stream=False)
        text = ""
        for chunk in self.writer.run(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


class AsyncStreamingWorkflow(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        outline = await self.outliner.arun("Write an outline.", stream=False)
        text = ""
        async for chunk in await self.writer.arun(outline.content, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)
