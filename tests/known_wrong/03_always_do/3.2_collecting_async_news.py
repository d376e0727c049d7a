# Known-wrong answer to exercise 3.2: Collects the async stream into a list before yielding (Never do 3).
# expect: [AGN103]
# expect: after the reporter had produced its last chunk


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        chunks = []
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            chunks.append(chunk)
        for chunk in chunks:
            yield chunk
        text = "".join(chunk.content or "" for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
