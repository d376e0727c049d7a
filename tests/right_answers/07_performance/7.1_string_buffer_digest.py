# A right answer to exercise 7.1: the stream awaited into a name first, the text kept in a string buffer, and the
# run closed with finish_run.
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
        digest = text.getvalue()
        yield RunResponse(run_id=self.run_id, content=digest, event=RunEvent.workflow_completed)
        self.finish_run(digest)
