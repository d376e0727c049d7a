# Known-wrong answer to exercise 1.2: the rules' RunEvent.workflow_failed, which no agno release has.
# expect: [AGN109]


class QuoteWorkflow(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            try:
                yield RunResponse(run_id=self.run_id, content=self.quote(self.prices.get_stock_price(symbol)))
            except SymbolNotFoundError as error:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {error}", event=event)
        yield RunResponse(run_id=self.run_id, content="done", event=RunEvent.workflow_completed)


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
