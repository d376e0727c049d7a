# Known-wrong answer to exercise 1.2: Right items, but a final count written for the three symbols of an example.
# expect: [Consistent Return Types]
# expect: the final content was
# given: solution


class GoodQuotes(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        found = 0
        for symbol in symbols:
            try:
                price = self.prices.get_stock_price(symbol)
            except SymbolNotFoundError as error:
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        summary = f"{found} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)


class QuoteWorkflow(GoodQuotes):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        *items, _ = super().run(symbols)
        yield from items
        yield RunResponse(run_id=self.run_id, content="2 of 3 quotes", event=RunEvent.workflow_completed)
