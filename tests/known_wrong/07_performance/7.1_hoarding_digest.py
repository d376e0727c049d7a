# Known-wrong answer to exercise 7.1: yields each chunk at once, but keeps every RunResponse until the end to count
# the words.
# expect: [AGN103]
# expect: bytes per chunk


class HoardingDigest(DigestSteps):
    """Yields each chunk at once, but keeps every RunResponse until the end to count the words."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        kept = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            kept.append(chunk)
            yield chunk
        words = [word for chunk in kept for word in (chunk.content or "").split()]
        summary = self.summary(len(words), max(words, key=len))
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncDigestWorkflow = HoardingDigest
