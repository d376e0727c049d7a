# A right answer to exercise 7.2: no TaskGroup. Each company waits for its first failure with asyncio.wait and
# cancels the calls still pending itself; the companies are gathered, each returning its figures or its error.


class FirstExceptionWatchlist(WatchlistSteps):
    """asyncio.wait(FIRST_EXCEPTION) per company, the pending calls cancelled by hand; companies gathered."""

    async def _company(self, symbol: str) -> dict[str, Any] | BaseException:
        calls = {
            "income": asyncio.create_task(self.income_tool.get_income_statement(symbol)),
            "financials": asyncio.create_task(self.financials_tool.get_company_financials(symbol)),
            "price": asyncio.create_task(self.price_tool.get_stock_price(symbol)),
        }
        done, pending = await asyncio.wait(calls.values(), return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        failed = [error for task in done if (error := task.exception()) is not None]
        return failed[0] if failed else {name: task.result() for name, task in calls.items()}

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        outcomes = await asyncio.gather(*map(self._company, symbols))
        complete = 0
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                yield RunResponse(run_id=self.run_id, content=repr(outcome), event=RunEvent.run_error)
            else:
                complete += 1
                yield RunResponse(run_id=self.run_id, content=self.line(outcome))
        yield RunResponse(
            run_id=self.run_id, content=f"{complete} of {len(symbols)} companies", event=RunEvent.workflow_completed
        )
        self.finish_run(f"{complete} of {len(symbols)} companies")


AsyncWatchlist = FirstExceptionWatchlist
