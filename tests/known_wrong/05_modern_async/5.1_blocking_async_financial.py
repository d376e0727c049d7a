# Known-wrong answer to exercise 5.1: The async path calling the blocking client.
# expect: [AGN107]


class FinancialDataWorkflow(FinancialSteps):
    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=3) as pool:
            income = pool.submit(self.sync_tools.get_income_statement, symbol)
            financials = pool.submit(self.sync_tools.get_company_financials, symbol)
            price = pool.submit(self.sync_tools.get_stock_price, symbol)
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class AsyncFinancialDataWorkflow(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        data = {
            "income": self.sync_tools.get_income_statement(symbol),
            "financials": self.sync_tools.get_company_financials(symbol),
            "price": self.sync_tools.get_stock_price(symbol),
        }
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
