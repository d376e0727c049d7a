# Known-wrong answer to exercise 1.2: calls the blocking price source from the async path.
# expect: [AGN107]
# given: solution


class AsyncQuoteWorkflow(QuoteSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        found = 0
        for symbol in symbols:
            try:
                price = self.prices.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        yield RunResponse(run_id=self.run_id, content=f"{found} of 3 quotes", event=RunEvent.workflow_completed)
