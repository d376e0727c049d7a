# Known-wrong answer to exercise 5.1: the async path runs the blocking client's methods in threads (to_thread in a
# TaskGroup) instead of awaiting the async client it was given.
# expect: [Modern Async Patterns 1: TaskGroup]
# expect: called the blocking client
# given: solution


class AsyncFinancialDataWorkflow(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        async with asyncio.TaskGroup() as tg:
            income = tg.create_task(asyncio.to_thread(self.sync_tools.get_income_statement, symbol))
            financials = tg.create_task(asyncio.to_thread(self.sync_tools.get_company_financials, symbol))
            price = tg.create_task(asyncio.to_thread(self.sync_tools.get_stock_price, symbol))
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)
        self.finish_run(str(report.content))
