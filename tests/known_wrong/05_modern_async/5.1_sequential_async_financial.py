# Known-wrong answer to exercise 5.1: The async path awaiting each call before starting the next.
# expect: [Modern Async Patterns 1: TaskGroup]
# given: solution


class AsyncFinancialDataWorkflow(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        data = {
            "income": await self.async_tools.get_income_statement(symbol),
            "financials": await self.async_tools.get_company_financials(symbol),
            "price": await self.async_tools.get_stock_price(symbol),
        }
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
