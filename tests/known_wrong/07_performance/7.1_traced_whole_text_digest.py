# Known-wrong answer to exercise 7.1: keeps the whole text, and turns tracemalloc on itself (to measure its own
# memory, say): the check measures from where the tracing stands instead of skipping its memory test.
# expect: [AGN103]
# expect: bytes per chunk
import tracemalloc

tracemalloc.start()


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        parts: list[str] = []
        stream = await self.writer.arun(self.prompt_for(topic), stream=True)
        async for chunk in stream:
            if chunk.content:
                parts.append(chunk.content)
            yield chunk
        words = "".join(parts).split()
        summary = self.summary(len(words), max(words, key=len))
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)
