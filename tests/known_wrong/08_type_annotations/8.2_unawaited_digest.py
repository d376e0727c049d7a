# Known-wrong answer to exercise 8.2: the document's un-awaited stream, its TypeError swallowed by the error handler.
# expect: [Type Annotations: pyright]
# expect: is not iterable


class UnawaitedDigest(DigestSteps):
    """The document's un-awaited stream, its TypeError swallowed by the error handler."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        try:
            async for chunk in self.writer.arun(topic, stream=True):  # type: ignore[attr-defined]  # agno-rules: ignore
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = UnawaitedDigest
