# Known-wrong answer to exercise 5.3: Right-looking lines from the provider's data: neither client is ever called.
# expect: [Modern Async Patterns 1: TaskGroup]
# expect: made the price calls []


def _made_up_rating(symbol: str) -> str:
    return LegacyReportTool(latency=0).blocking_method(symbol)["rating"]  # a copy, not the workflow's client


class AsyncRatingWorkflow(RatingSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import stock_price

        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            rating = _made_up_rating(symbol)
            yield RunResponse(
                run_id=self.run_id, content=f"{symbol}: {stock_price(symbol)['price_usd']} USD, rated {rating}"
            )
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
