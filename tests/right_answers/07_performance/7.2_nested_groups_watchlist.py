# A right answer to exercise 7.2: a TaskGroup of companies, each company a TaskGroup of its own three calls whose
# failure it takes apart with except* and turns into its item, so that no failure leaves its company.


class NestedGroupsWatchlist(WatchlistSteps):
    """A TaskGroup of companies; each company a TaskGroup of its three calls that catches its own failures."""

    async def _item(self, symbol: str) -> RunResponse:
        failures: list[Exception] = []
        try:
            async with asyncio.TaskGroup() as tg:
                calls = [
                    tg.create_task(self.income_tool.get_income_statement(symbol)),
                    tg.create_task(self.financials_tool.get_company_financials(symbol)),
                    tg.create_task(self.price_tool.get_stock_price(symbol)),
                ]
        except* SymbolNotFoundError as group:
            failures.extend(group.exceptions)
        if failures:
            return RunResponse(run_id=self.run_id, content=f"{symbol} failed: {failures[0]}", event=RunEvent.run_error)
        income, financials, price = (call.result() for call in calls)
        data = {"income": income, "financials": financials, "price": price}
        return RunResponse(run_id=self.run_id, content=self.line(data))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            items = [tg.create_task(self._item(symbol)) for symbol in symbols]
        complete = sum(task.result().event != RunEvent.run_error for task in items)
        for task in items:
            yield task.result()
        summary = f"{complete} of {len(symbols)} companies"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncWatchlist = NestedGroupsWatchlist
