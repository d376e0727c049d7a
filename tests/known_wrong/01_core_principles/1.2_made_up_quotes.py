# Known-wrong answer to exercise 1.2: Computes each price itself instead of asking the workflow's price source.
# expect: [Consistent Return Types]
# expect: asked its price source for []

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


class AsyncQuoteWorkflow(QuoteSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        found = 0
        for symbol in symbols:
            try:
                price = await self.aprices.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
