# Known-wrong answer to exercise 1.2: the rules' RunEvent.workflow_failed, which no agno release has.
# expect: [AGN109]
# given: solution


class QuoteWorkflow(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            try:
                yield RunResponse(run_id=self.run_id, content=self.quote(self.prices.get_stock_price(symbol)))
            except SymbolNotFoundError as error:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=event)
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)
