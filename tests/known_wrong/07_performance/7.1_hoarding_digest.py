# Known-wrong answer to exercise 7.1: yields each chunk at once, but keeps every RunResponse until the end to build
# the final text.
# expect: [AGN103]
# expect: bytes per chunk


class HoardingDigest(DigestSteps):
    """Yields each chunk at once, but keeps every RunResponse until the end to build the final text."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        kept = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            kept.append(chunk)
            yield chunk
        text = "".join(chunk.content or "" for chunk in kept)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = HoardingDigest
