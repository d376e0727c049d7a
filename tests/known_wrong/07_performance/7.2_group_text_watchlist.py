# Known-wrong answer to exercise 7.2: a TaskGroup per company inside gather(return_exceptions=True), right, but the
# error item shows the ExceptionGroup's own text, which does not say what failed.
# expect: [Performance 3: every failure reported]
# expect: unhandled errors in a TaskGroup


class GroupTextWatchlist(WatchlistSteps):
    """The ExceptionGroup reported as it is: its text is 'unhandled errors in a TaskGroup (1 sub-exception)'."""

    async def _figures(self, symbol: str) -> dict[str, Any]:
        async with asyncio.TaskGroup() as tg:
            income = tg.create_task(self.income_tool.get_income_statement(symbol))
            financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
            price = tg.create_task(self.price_tool.get_stock_price(symbol))
        return {"income": income.result(), "financials": financials.result(), "price": price.result()}

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(*(self._figures(symbol) for symbol in symbols), return_exceptions=True)
        complete = 0
        for result in results:
            if isinstance(result, BaseException):
                yield RunResponse(run_id=self.run_id, content=f"Error: {result}", event=RunEvent.run_error)
            else:
                complete += 1
                yield RunResponse(run_id=self.run_id, content=self.line(result))
        summary = f"{complete} of {len(symbols)} companies"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncWatchlist = GroupTextWatchlist
