# Known-wrong answer to exercise 7.1: the rules' streaming example as written: async for over the un-awaited arun().
# expect: [AGN106]


class UnawaitedDigest(DigestSteps):
    """The rules' streaming example as written: async for over the un-awaited arun()."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in self.writer.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = UnawaitedDigest
