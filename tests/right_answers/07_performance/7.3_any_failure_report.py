# A right answer to exercise 7.3: a TaskGroup whose except* catches every Exception, and the report asked in the try's
# else; the run closed once, after either outcome.


class AnyFailureReport(ReportSteps):
    """A TaskGroup whose except* catches every Exception, and the report asked in the try's else."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        failures: list[Exception] = []
        try:
            async with asyncio.TaskGroup() as tg:
                parts = {
                    "income": tg.create_task(self.income_tool.get_income_statement(symbol)),
                    "financials": tg.create_task(self.financials_tool.get_company_financials(symbol)),
                    "price": tg.create_task(self.price_tool.get_stock_price(symbol)),
                }
        except* Exception as group:
            failures.extend(group.exceptions)  # pyright: ignore[reportArgumentType]
        for error in failures:
            yield RunResponse(run_id=self.run_id, content=f"{type(error).__name__}: {error}", event=RunEvent.run_error)
        if not failures:
            data = {name: task.result() for name, task in parts.items()}
            report = await self.report_agent.arun(self.report_prompt(data), stream=False)
            yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
        self.finish_run(f"{len(failures)} failure(s)" if failures else str(report.content))


AsyncCompanyReport = AnyFailureReport
