# Known-wrong answer to exercise 5.1: asks the report agent, then yields a report typed in instead of its answer.
# expect: [Dual Method Pattern]
# expect: yielded [('WorkflowCompleted', 'Report ready.')]


class FinancialDataWorkflow(FinancialSteps):
    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=3) as pool:
            income = pool.submit(self.sync_tools.get_income_statement, symbol)
            financials = pool.submit(self.sync_tools.get_company_financials, symbol)
            price = pool.submit(self.sync_tools.get_stock_price, symbol)
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content="Report ready.", event=RunEvent.workflow_completed)


class AsyncFinancialDataWorkflow(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        async with asyncio.TaskGroup() as tg:
            income = tg.create_task(self.async_tools.get_income_statement(symbol))
            financials = tg.create_task(self.async_tools.get_company_financials(symbol))
            price = tg.create_task(self.async_tools.get_stock_price(symbol))
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content="Report ready.", event=RunEvent.workflow_completed)
        self.finish_run("Report ready.")
