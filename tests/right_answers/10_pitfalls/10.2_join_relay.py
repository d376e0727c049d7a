# A right answer to exercise 10.2 written another way: the chunks' texts kept in a list and joined at the end.


class AsyncRelay(RelaySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        parts: list[str] = []
        stream = await self.writer.arun(self.prompt_for(topic), stream=True)
        async for chunk in stream:
            parts.append(str(chunk.content))
            yield chunk
        whole = "".join(parts)
        yield RunResponse(run_id=self.run_id, content=whole, event=RunEvent.workflow_completed)
        self.finish_run(whole)
