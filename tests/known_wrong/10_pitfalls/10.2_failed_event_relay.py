# Known-wrong answer to exercise 10.2: pitfall 2, the final item carries an event no agno release has.
# expect: [AGN109]
# expect: workflow_running


class AsyncRelay(RelaySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content
            yield chunk
        event = RunEvent.workflow_running  # pyright: ignore[reportAttributeAccessIssue]
        yield RunResponse(run_id=self.run_id, content=text, event=event)
        self.finish_run(text)
