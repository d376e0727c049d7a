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
        text = "".join(chunk.content or "" for chunk in responses)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = CollectingDigest
