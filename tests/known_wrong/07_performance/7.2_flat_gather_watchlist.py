# Known-wrong answer to exercise 7.2: every call of every company in one gather(return_exceptions=True): each company
# is kept, but a failing company's other calls run to their end for a line that can no longer be made.
# expect: [Performance 3: TaskGroup, all or nothing]
# expect: ran to its end


class FlatGatherWatchlist(WatchlistSteps):
    """Every call in one gather(return_exceptions=True), grouped by company afterwards: nothing is cancelled."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(
            *(
                call
                for symbol in symbols
                for call in (
                    self.income_tool.get_income_statement(symbol),
                    self.financials_tool.get_company_financials(symbol),
                    self.price_tool.get_stock_price(symbol),
                )
            ),
            return_exceptions=True,
        )
        complete = 0
        for i in range(len(symbols)):
            income, financials, price = results[3 * i : 3 * i + 3]
            errors = [r for r in (income, financials, price) if isinstance(r, BaseException)]
            if errors:
                yield RunResponse(run_id=self.run_id, content=f"Error: {errors[0]}", event=RunEvent.run_error)
            else:
                complete += 1
                data = {"income": income, "financials": financials, "price": price}
                yield RunResponse(run_id=self.run_id, content=self.line(data))  # pyright: ignore[reportArgumentType]
        summary = f"{complete} of {len(symbols)} companies"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncWatchlist = FlatGatherWatchlist
