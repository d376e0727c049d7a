# Known-wrong answer to exercise 6.1: awaits both agents, but calls a helper that blocks the loop.
# expect: [AGN107]
# expect: something the path calls


class GoodPipeline(PipelineSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        notes = self.researcher.run(topic, stream=False)
        article = self.writer.run(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)


def log_step(name: str) -> None:
    import time

    time.sleep(0.4)  # a blocking call hidden in a helper
    print(name, end="")


class HelperSleepAsyncPipeline(PipelineSteps):
    """Awaits both agents, but calls a helper that blocks the loop."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        log_step("research")
        notes = await self.researcher.arun(topic, stream=False)
        article = await self.writer.arun(notes.content, stream=False)
        yield RunResponse(run_id=self.run_id, content=article.content, event=RunEvent.workflow_completed)
        self.finish_run(str(article.content))


PipelineWorkflow = GoodPipeline
AsyncPipelineWorkflow = HelperSleepAsyncPipeline
