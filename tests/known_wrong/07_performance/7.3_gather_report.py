# Known-wrong answer to exercise 7.3: gather(return_exceptions=True) for results that only make sense together: it
# waits for the slow calls.
# expect: [Performance 3: TaskGroup, all or nothing]
# expect: ran to their end


class GatherReport(ReportSteps):
    """gather(return_exceptions=True) for results that only make sense together: it waits for the slow calls."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        income, financials, price = await asyncio.gather(
            self.income_tool.get_income_statement(symbol),
            self.financials_tool.get_company_financials(symbol),
            self.price_tool.get_stock_price(symbol),
            return_exceptions=True,
        )
        errors = [r for r in (income, financials, price) if isinstance(r, BaseException)]
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
        if errors:
            return
        data = {"income": income, "financials": financials, "price": price}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)  # pyright: ignore[reportArgumentType]
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
        self.finish_run(str(report.content))


AsyncCompanyReport = GatherReport
