# Known-wrong answer to exercise 7.1: a fresh run id from uuid4() alone, as before the course's TwoPathWorkflow: the
# items are right, but the workflow is left without its run's response and memory.
# expect: [Dual Method Pattern]
# expect: run_response of this run
from uuid import uuid4


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        words, longest = 0, ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            for word in (chunk.content or "").split():
                words += 1
                longest = word if len(word) > len(longest) else longest
            yield chunk
        yield RunResponse(run_id=self.run_id, content=self.summary(words, longest), event=RunEvent.workflow_completed)
