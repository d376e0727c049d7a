# Known-wrong answer to exercise 1.3: Writes from the outline of the example instead of the outliner's answer.
# expect: [Agent Call Patterns]
# expect: the writer ['Outline: loops


class StreamingWorkflow(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.outliner.run(topic, stream=False)
        text = ""
        for chunk in self.writer.run("Outline: loops, tasks, awaits.", stream=True):
            text += chunk.content or ""
            yield chunk
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
