# Known-wrong answer to exercise 8.2: type-clean, but the writer's failure escapes instead of being reported.
# expect: [Error Handling]
# expect: RunEvent.run_error


class RaisingDigest(DigestSteps):
    """Type-clean, but the writer's failure escapes instead of being reported."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in await self.writer.arun(topic, stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = RaisingDigest
