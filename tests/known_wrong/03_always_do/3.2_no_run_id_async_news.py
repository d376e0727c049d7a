# Known-wrong answer to exercise 3.2: Never starts its own run: self.run_id stays None.
# expect: [AGN111]
# expect: runs 1, 2 and 3 carried none


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        text = ""
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
