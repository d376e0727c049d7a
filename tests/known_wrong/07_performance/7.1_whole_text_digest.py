# Known-wrong answer to exercise 7.1: relays each chunk at once and keeps no RunResponse, but keeps the whole text
# in a string buffer to count its words at the end: its memory still grows with the answer.
# expect: [AGN103]
# expect: bytes per chunk
import io


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = io.StringIO()
        stream = await self.writer.arun(self.prompt_for(topic), stream=True)
        async for chunk in stream:
            if chunk.content:
                text.write(chunk.content)
            yield chunk
        words = text.getvalue().split()
        summary = self.summary(len(words), max(words, key=len))
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)
