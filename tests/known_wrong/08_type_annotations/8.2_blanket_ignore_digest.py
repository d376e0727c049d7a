# Known-wrong answer to exercise 8.2: the override noise silenced with a bare `# type: ignore`, which also hides every
# other error on the line.
# expect: [Type Annotations: pyright]
# expect: reportIncompatibleMethodOverride


class BlanketIgnoreDigest(DigestSteps):
    """The override noise silenced with a bare `# type: ignore`, which also hides every other error on the line."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # type: ignore
        self.run_id = self.start_run(topic=topic)
        text = ""
        try:
            async for chunk in await self.writer.arun(topic, stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(str(text))


AsyncDigestWorkflow = BlanketIgnoreDigest
