# Known-wrong answer to exercise 11.4: Right-looking lines from the provider's data: neither of the workflow's clients
# is called.
# expect: [Migration checklist: TaskGroup structured concurrency]
# expect: made the price calls []
# given: solution


class AsyncRatingWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=_price_line(symbol))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)


def _price_line(symbol: str) -> str:
    from agnocourse.tools import stock_price

    rating = LegacyReportTool(latency=0).blocking_method(symbol)["rating"]  # a copy, not the workflow's client
    return f"{symbol}: {stock_price(symbol)['price_usd']} USD, rated {rating}"
