# Known-wrong answer to exercise 1.2: Computes each price itself instead of asking the workflow's price source.
# expect: [Consistent Return Types]
# expect: asked its price source for []
# given: solution

from agnocourse.tools import stock_price


class QuoteWorkflow(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        found = 0
        for symbol in symbols:
            if symbol not in self.prices.fail_for:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(stock_price(symbol)))
            else:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: unknown", event=RunEvent.run_error)
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
