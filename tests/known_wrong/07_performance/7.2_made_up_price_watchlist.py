# Known-wrong answer to exercise 7.2: the price made up from the course's demo data instead of asked of the price
# source, so a price source's failure is never seen.
# expect: [Performance 3: parallel processing]
# expect: 'price_tool': []
from agnocourse.tools import stock_price


class MadeUpPriceWatchlist(WatchlistSteps):
    """Asks two sources; the price comes from stock_price(), a function, not from self.price_tool."""

    async def _figures(self, symbol: str) -> dict[str, Any]:
        async with asyncio.TaskGroup() as tg:
            income = tg.create_task(self.income_tool.get_income_statement(symbol))
            financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
        return {"income": income.result(), "financials": financials.result(), "price": stock_price(symbol)}

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(*(self._figures(symbol) for symbol in symbols), return_exceptions=True)
        complete = 0
        for result in results:
            if isinstance(result, BaseExceptionGroup):
                yield RunResponse(
                    run_id=self.run_id, content=f"Error: {result.exceptions[0]}", event=RunEvent.run_error
                )
            else:
                complete += 1
                yield RunResponse(run_id=self.run_id, content=self.line(result))  # pyright: ignore[reportArgumentType]
        summary = f"{complete} of {len(symbols)} companies"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncWatchlist = MadeUpPriceWatchlist
