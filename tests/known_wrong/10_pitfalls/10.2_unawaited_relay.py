# Known-wrong answer to exercise 10.2: pitfall 4, the agno 2.x form: `async for` over the coroutine that arun()
# returns on agno 1.x.
# expect: [AGN106]
# expect: without await


class AsyncRelay(RelaySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in self.writer.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            text += chunk.content
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)
