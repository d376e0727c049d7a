# Known-wrong answer to exercise 3.2: Starts a run id but never opens or closes the run: nothing reaches the
# workflow's memory.
# expect: [ALWAYS DO 2: Proper Async Implementation]
# expect: lacks: run_response of this run

from uuid import uuid4


class AsyncNewsWorkflow(NewsSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.reporter.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
