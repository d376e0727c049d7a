# Known-wrong answer to exercise 1.3: the rules' un-awaited `async for ... in agent.arun(stream=True)` (agno 2.x
# syntax).
# expect: [AGN106]
# given: solution


class AsyncStreamingWorkflow(Storyteller):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        outline = await self.outliner.arun(topic, stream=False)
        text = ""
        async for chunk in self.writer.arun(outline.content, stream=True):  # pyright: ignore[reportGeneralTypeIssues]
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
