# Known-wrong answer to exercise 7.1: the sync stream inside the async path: it blocks the event loop for the whole
# answer.
# expect: [AGN104]


class SyncStreamDigest(DigestSteps):
    """The sync stream inside the async path: it blocks the event loop for the whole answer."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        words, longest = 0, ""
        for chunk in self.writer.run(self.prompt_for(topic), stream=True):
            for word in (chunk.content or "").split():
                words += 1
                longest = word if len(word) > len(longest) else longest
            yield chunk
        summary = self.summary(words, longest)
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncDigestWorkflow = SyncStreamDigest
