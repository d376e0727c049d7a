# Known-wrong answer to exercise 7.1: the sync stream inside the async path: it blocks the event loop for the whole
# answer.
# expect: [AGN104]


class SyncStreamDigest(DigestSteps):
    """The sync stream inside the async path: it blocks the event loop for the whole answer."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        for chunk in self.writer.run(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
            yield chunk
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = SyncStreamDigest
