# Known-wrong answer to exercise 7.3: each call awaited before the next starts.
# expect: [Performance 3: parallel processing]


class SequentialReport(ReportSteps):
    """Each call awaited before the next starts."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        try:
            data = {
                "income": await self.income_tool.get_income_statement(symbol),
                "financials": await self.financials_tool.get_company_financials(symbol),
                "price": await self.price_tool.get_stock_price(symbol),
            }
        except SymbolNotFoundError as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
        self.finish_run(str(report.content))


AsyncCompanyReport = SequentialReport
