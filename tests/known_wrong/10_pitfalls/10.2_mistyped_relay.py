# Known-wrong answer to exercise 10.2: pitfall 4, an async generator annotated as a sync Iterator.
# expect: [AGN108]
# expect: is annotated to return


class AsyncRelay(RelaySteps):
    async def arun(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)
