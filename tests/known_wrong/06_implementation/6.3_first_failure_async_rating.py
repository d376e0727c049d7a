# Known-wrong answer to exercise 6.3: gather() without return_exceptions inside try: the first failure hides the other
# and every result.
# expect: [Implementation guidelines 3: Error Handling]
# expect: reported 1


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


class FirstFailureAsyncRating(RatingSteps):
    """gather() without return_exceptions inside try: the first failure hides the other and every result."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        try:
            answers = await asyncio.gather(*(self.rater.arun(symbol, stream=False) for symbol in symbols))
        except SymbolNotFoundError as error:
            yield self.failure("one of the symbols", error)
            answers = []
        for answer in answers:
            yield RunResponse(run_id=self.run_id, content=answer.content)
        summary = f"{len(answers)} of {len(symbols)} rated"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(str(summary))


RatingWorkflow = GoodRating
AsyncRatingWorkflow = FirstFailureAsyncRating
