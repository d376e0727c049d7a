# Right answer to exercise 1.3: words its own prompt around the topic, and streams the story through a helper that
# both paths share.


def story_prompt(topic: str) -> str:
    return f"Write a three-point outline for a short story about {topic}."


class StreamingWorkflow(Storyteller):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        outline = str(self.outliner.run(story_prompt(topic), stream=False).content)
        story = ""
        for chunk in self.writer.run(outline, stream=True):
            story += str(chunk.content or "")
            yield chunk
        yield RunResponse(run_id=self.run_id, content=story, event=RunEvent.workflow_completed)


class AsyncStreamingWorkflow(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        outline = await self.outliner.arun(story_prompt(topic), stream=False)
        story = ""
        async for chunk in await self.writer.arun(str(outline.content), stream=True):
            story += str(chunk.content or "")
            yield chunk
        yield RunResponse(run_id=self.run_id, content=story, event=RunEvent.workflow_completed)
        self.finish_run(story)
