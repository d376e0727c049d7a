# Known-wrong answer to exercise 3.2: The sync agent stream inside the async path.
# expect: [AGN104]
# expect: event loop was blocked


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        for chunk in self.reporter.run(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
