# Known-wrong answer to exercise 1.2: right results, no return annotation.
# expect: [AGN108]
# given: solution


class _RightQuotes(QuoteSteps):
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


class QuoteWorkflow(_RightQuotes):
    def run(self, symbols: list[str]):  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from super().run(symbols)
