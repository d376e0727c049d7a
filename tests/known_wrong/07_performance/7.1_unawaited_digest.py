# Known-wrong answer to exercise 7.1: the rules' streaming example as written: async for over the un-awaited arun().
# expect: [AGN106]


class UnawaitedDigest(DigestSteps):
    """The rules' streaming example as written: async for over the un-awaited arun()."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        words, longest = 0, ""
        async for chunk in self.writer.arun(self.prompt_for(topic), stream=True):  # pyright: ignore
            for word in (chunk.content or "").split():
                words += 1
                longest = word if len(word) > len(longest) else longest
            yield chunk
        summary = self.summary(words, longest)
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncDigestWorkflow = UnawaitedDigest
