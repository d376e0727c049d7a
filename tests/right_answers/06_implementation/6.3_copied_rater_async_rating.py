# A right answer to exercise 6.3: one copy of the rater per concurrent call (agent.deep_copy()), so the calls share no
# agent state.


class GoodRating(RatingSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rated = 0
        for symbol in symbols:
            try:
                answer = self.rater.run(symbol, stream=False)
            except SymbolNotFoundError as error:
                yield self.failure(symbol, error)
                continue
            rated += 1
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class CopiedRaterAsyncRating(RatingSteps):
    """One copy of the rater per concurrent call (agent.deep_copy()), so the calls share no agent state."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        calls = (self.rater.deep_copy().arun(symbol, stream=False) for symbol in symbols)
        answers = await asyncio.gather(*calls, return_exceptions=True)
        rated = 0
        for symbol, answer in zip(symbols, answers, strict=True):
            if isinstance(answer, SymbolNotFoundError):
                yield self.failure(symbol, answer)
            elif isinstance(answer, BaseException):
                raise answer
            else:
                rated += 1
                yield RunResponse(run_id=self.run_id, content=answer.content)
        yield RunResponse(
            run_id=self.run_id, content=f"{rated} of {len(symbols)} rated", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{rated} of {len(symbols)} rated"))


RatingWorkflow = GoodRating
AsyncRatingWorkflow = CopiedRaterAsyncRating
