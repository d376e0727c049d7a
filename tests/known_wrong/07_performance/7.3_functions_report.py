# Known-wrong answer to exercise 7.3: builds the report from the mock data's plain functions, never asking the three
# sources.
# expect: [Performance 3: parallel processing]
# expect: called the data sources


class FunctionsReport(ReportSteps):
    """Builds the report from the mock data's plain functions, never asking the three sources."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import company_financials, income_statement, stock_price

        self.run_id = self.start_run(symbol=symbol)
        if symbol == "NEWCO":
            yield RunResponse(run_id=self.run_id, content="no data for symbol 'NEWCO'", event=RunEvent.run_error)
            return
        data = {
            "income": income_statement(symbol),
            "financials": company_financials(symbol),
            "price": stock_price(symbol),
        }
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
        self.finish_run(str(report.content))


AsyncCompanyReport = FunctionsReport
