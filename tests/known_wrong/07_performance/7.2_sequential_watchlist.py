# Known-wrong answer to exercise 7.2: a TaskGroup per company, right, but one company after another: the run takes
# the sum of the companies' waits.
# expect: [Performance 3: parallel processing]
# expect: one company after another


class SequentialWatchlist(WatchlistSteps):
    """A TaskGroup per company, awaited one company after another."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        complete = 0
        for symbol in symbols:
            item = None
            try:
                async with asyncio.TaskGroup() as tg:
                    income = tg.create_task(self.income_tool.get_income_statement(symbol))
                    financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
                    price = tg.create_task(self.price_tool.get_stock_price(symbol))
            except* SymbolNotFoundError as group:
                item = RunResponse(
                    run_id=self.run_id, content=f"Error: {group.exceptions[0]}", event=RunEvent.run_error
                )
            if item is None:
                complete += 1
                data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
                item = RunResponse(run_id=self.run_id, content=self.line(data))
            yield item
        summary = f"{complete} of {len(symbols)} companies"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncWatchlist = SequentialWatchlist
