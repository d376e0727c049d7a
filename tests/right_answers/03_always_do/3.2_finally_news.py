# Right answer to exercise 3.2: keeps the run id in a local name and closes the run in a finally block.


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(topic=topic)
        parts: list[str] = []
        try:
            stream = await self.reporter.arun(self.prompt_for(topic), stream=True)
            async for chunk in stream:
                parts.append(chunk.content or "")
                yield chunk
            yield RunResponse(run_id=run_id, content="".join(parts), event=RunEvent.workflow_completed)
        finally:
            self.finish_run("".join(parts))
