# Known-wrong answer to exercise 10.2: the run is opened but never closed, so the workflow's memory never holds it.
# expect: [Consistent Return Types]
# expect: finish_run


class AsyncRelay(RelaySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
