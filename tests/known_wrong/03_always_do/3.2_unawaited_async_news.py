# Known-wrong answer to exercise 3.2: Always do 2 as the rules write it: `async for` over the un-awaited
# arun(stream=True).
# expect: [AGN106]
# expect: got coroutine


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in self.reporter.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
