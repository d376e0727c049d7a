# Right answer to exercise 1.1: streams the answer and adds it up, finishing the run in a finally block.


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(topic=topic)
        self.run_id = run_id
        parts: list[str] = []
        try:
            async for chunk in await self.summarizer.arun(self.prompt_for(topic), stream=True):
                parts.append(chunk.content or "")
            yield RunResponse(run_id=run_id, content="".join(parts), event=RunEvent.workflow_completed)
        finally:
            self.finish_run("".join(parts))
