# Known-wrong answer to exercise 1.2: lets the failure escape instead of reporting it with run_error.
# expect: RunEvent.run_error
# given: solution


class QuoteWorkflow(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=self.quote(self.prices.get_stock_price(symbol)))
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)
