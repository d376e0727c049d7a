# A right answer to exercise 11.1 written another way: both paths word their final item with one shared helper.


class HeadlineWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.headline_agent.run(self.headline_prompt(symbols), stream=False)
        yield done(self.run_id, str(answer.content))


class AsyncHeadlineWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        answer = await self.headline_agent.arun(self.headline_prompt(symbols), stream=False)
        text = str(answer.content)
        yield done(self.run_id, text)
        self.finish_run(text)


def done(run_id: str | None, text: str) -> RunResponse:
    return RunResponse(run_id=run_id, content=text, event=RunEvent.workflow_completed)
