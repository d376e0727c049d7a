# Right answer to exercise 3.1: names the stream, keeps the contents as a list of parts and joins them at the end.


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        stream = self.reporter.run(self.prompt_for(topic), stream=True)
        parts: list[str] = []
        for chunk in stream:
            yield chunk
            parts.append(chunk.content or "")
        yield RunResponse(run_id=self.run_id, content="".join(parts), event=RunEvent.workflow_completed)
