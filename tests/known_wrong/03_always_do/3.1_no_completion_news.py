# Known-wrong answer to exercise 3.1: Streams the chunks and stops: no completion item.
# expect: [Consistent Return Types]
# expect: none of them carried RunEvent.workflow_completed


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from self.reporter.run(self.prompt_for(topic), stream=True)
