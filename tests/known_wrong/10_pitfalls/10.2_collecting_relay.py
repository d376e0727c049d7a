# Known-wrong answer to exercise 10.2: pitfall 3, every chunk gathered first, then yielded.
# expect: [AGN103]
# expect: after the writer had produced its last chunk


class AsyncRelay(RelaySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        chunks = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            chunks.append(chunk)
        for chunk in chunks:
            yield chunk
        text = "".join(chunk.content for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)
