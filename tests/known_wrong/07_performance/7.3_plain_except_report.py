# Known-wrong answer to exercise 7.3: `except Exception` around a TaskGroup: it catches the ExceptionGroup and reports
# the group, not the failure.
# expect: [Performance 3: every failure reported]
# expect: unhandled errors in a TaskGroup


class PlainExceptReport(ReportSteps):
    """`except Exception` around a TaskGroup: it catches the ExceptionGroup and reports the group, not the failure."""

    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        try:
            async with asyncio.TaskGroup() as tg:
                income = tg.create_task(self.income_tool.get_income_statement(symbol))
                financials = tg.create_task(self.financials_tool.get_company_financials(symbol))
                price = tg.create_task(self.price_tool.get_stock_price(symbol))
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
        self.finish_run(str(report.content))


AsyncCompanyReport = PlainExceptReport
