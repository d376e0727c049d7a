# Known-wrong answer to exercise 7.2: one TaskGroup for every call of every company: the first failure cancels the
# other companies too, and their lines are lost.
# expect: [Performance 3: gather(..., return_exceptions=True) keeps every result]
# expect: reported 0 line(s)


class OneGroupWatchlist(WatchlistSteps):
    """One TaskGroup for every call of every company: the first failure cancels the other companies too."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        complete = 0
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = {
                    symbol: (
                        tg.create_task(self.income_tool.get_income_statement(symbol)),
                        tg.create_task(self.financials_tool.get_company_financials(symbol)),
                        tg.create_task(self.price_tool.get_stock_price(symbol)),
                    )
                    for symbol in symbols
                }
        except* SymbolNotFoundError as group:
            for error in group.exceptions:
                yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
        else:
            for income, financials, price in tasks.values():
                complete += 1
                data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
                yield RunResponse(run_id=self.run_id, content=self.line(data))
        summary = f"{complete} of {len(symbols)} companies"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncWatchlist = OneGroupWatchlist
