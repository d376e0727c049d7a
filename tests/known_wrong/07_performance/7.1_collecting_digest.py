# Known-wrong answer to exercise 7.1: the rules' "Bad" form: every chunk collected, then yielded.
# expect: [AGN103]
# expect: after the writer had produced its last chunk


class CollectingDigest(DigestSteps):
    """The rules' "Bad" form: every chunk collected, then yielded."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        responses = []
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            responses.append(chunk)
        for chunk in responses:
            yield chunk
        words = [word for chunk in responses for word in (chunk.content or "").split()]
        summary = self.summary(len(words), max(words, key=len))
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncDigestWorkflow = CollectingDigest
