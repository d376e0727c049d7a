# Known-wrong answer to exercise 5.1: the sync path runs the async client in an event loop of its own, started in a
# worker thread, where asyncio.run() does not meet the caller's loop.
# expect: [AGN105]
# expect: called the async client
# given: solution


class FinancialDataWorkflow(FinancialSteps):
    async def _fetch(self, symbol: str) -> list[dict[str, Any]]:
        tools = self.async_tools
        return list(
            await asyncio.gather(
                tools.get_income_statement(symbol), tools.get_company_financials(symbol), tools.get_stock_price(symbol)
            )
        )

    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=1) as pool:
            income, financials, price = pool.submit(lambda: asyncio.run(self._fetch(symbol))).result()
        data = {"income": income, "financials": financials, "price": price}
        report = self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
