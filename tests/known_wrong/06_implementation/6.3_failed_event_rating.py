# Known-wrong answer to exercise 6.3: the rules' error handling: RunEvent.workflow_failed, which raises inside the
# handler.
# expect: [AGN109]
# expect: workflow_failed


class GoodAsyncRating(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        answers = await asyncio.gather(
            *(self.rater.arun(symbol, stream=False) for symbol in symbols), return_exceptions=True
        )
        rated = 0
        for symbol, answer in zip(symbols, answers, strict=True):
            if isinstance(answer, BaseException):
                yield self.failure(symbol, answer)  # pyright: ignore[reportArgumentType]
            else:
                rated += 1
                yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(str(summary))


class FailedEventRating(RatingSteps):
    """The rules' error handling: RunEvent.workflow_failed, which raises inside the handler."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            try:
                answer = self.rater.run(symbol, stream=False)
                yield RunResponse(run_id=self.run_id, content=answer.content)
            except Exception as e:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"Error: {e}", event=event)
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)


RatingWorkflow = FailedEventRating
AsyncRatingWorkflow = GoodAsyncRating
