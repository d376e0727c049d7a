# Known-wrong answer to exercise 7.3: the rules' except* branch as written: RunEvent.workflow_failed.
# expect: [AGN109]


class FailedEventReport(ReportSteps):
    """The rules' except* branch as written: RunEvent.workflow_failed."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        try:
            async with asyncio.TaskGroup() as tg:
                income = tg.create_task(self.income_tool.get_income_statement(symbol))
                financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
                price = tg.create_task(self.price_tool.get_stock_price(symbol))
        except* Exception as group:
            for error in group.exceptions:
                yield RunResponse(
                    run_id=self.run_id,
                    content=f"Error: {error}",
                    event=RunEvent.workflow_failed,  # pyright: ignore[reportAttributeAccessIssue]
                )
        else:
            data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
            report = await self.report_agent.arun(self.report_prompt(data), stream=False)
            yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
            self.finish_run(str(report.content))


AsyncCompanyReport = FailedEventReport
