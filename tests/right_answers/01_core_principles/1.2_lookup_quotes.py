# Right answer to exercise 1.2: catches the error's base class and counts from the items.
# given: solution


class QuoteWorkflow(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        items = 0
        for symbol in symbols:
            try:
                content, event = self.quote(self.prices.get_stock_price(symbol)), RunEvent.run_response
                items += 1
            except LookupError as error:
                content, event = f"{symbol} failed: {error}", RunEvent.run_error
            yield RunResponse(run_id=self.run_id, content=content, event=event)
        yield RunResponse(
            run_id=self.run_id, content=f"{items} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
