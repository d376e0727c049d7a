# Known-wrong answer to exercise 3.2: The rules' two calls on the async path, awaited: two model calls per run.
# expect: [ALWAYS DO 2: Proper Async Implementation]
# expect: asked the reporter 2 times


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        response = await self.reporter.arun(self.prompt_for(topic), stream=False)
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            yield chunk
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)
