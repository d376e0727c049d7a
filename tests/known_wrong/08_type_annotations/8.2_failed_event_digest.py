# Known-wrong answer to exercise 8.2: the document's RunEvent.workflow_failed, which raises only when something fails.
# expect: [Type Annotations: pyright]
# expect: workflow_failed


class FailedEventDigest(DigestSteps):
    """The document's RunEvent.workflow_failed, which raises only when something fails."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        try:
            async for chunk in await self.writer.arun(topic, stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.workflow_failed)  # type: ignore[attr-defined]  # agno-rules: ignore
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = FailedEventDigest
