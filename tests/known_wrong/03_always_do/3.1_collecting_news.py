# Known-wrong answer to exercise 3.1: Collects the whole stream before passing any chunk on.
# expect: [AGN103]
# expect: after the reporter had produced its last chunk


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        chunks = list(self.reporter.run(self.prompt_for(topic), stream=True))
        yield from chunks
        text = "".join(chunk.content or "" for chunk in chunks)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
