# Known-wrong answer to exercise 6.3: knows which symbols the exercise's text fails (BAD, WORSE) instead of catching
# the rater's failure.
# expect: [Result]
# expect: raised SymbolNotFoundError


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


class KnownFailuresRating(GoodRating):
    """Knows which symbols the exercise's text fails (BAD, WORSE) instead of catching the rater's failure."""

    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        rated = 0
        for symbol in symbols:
            if symbol in {"BAD", "WORSE"}:
                yield self.failure(symbol, SymbolNotFoundError(f"no data for symbol {symbol!r}"))
                continue
            rated += 1
            yield RunResponse(run_id=self.run_id, content=self.rater.run(symbol, stream=False).content)
        summary = f"{rated} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


RatingWorkflow = KnownFailuresRating
AsyncRatingWorkflow = GoodAsyncRating
