# Known-wrong answer to exercise 7.1: a fresh run id from uuid4() alone, as before the course's TwoPathWorkflow: the
# items are right, but the workflow is left without its run's response and memory.
# expect: [Dual Method Pattern]
# expect: run_response of this run
from uuid import uuid4


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
