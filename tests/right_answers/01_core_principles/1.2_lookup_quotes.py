# Right answer to exercise 1.2: catches the error's base class and counts from the items.


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
