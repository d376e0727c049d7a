# Right answer to exercise 5.1: the sync path maps the three methods over a pool, the async path keeps its tasks in a
# dict and closes the run in a finally block.


class FinancialDataWorkflow(FinancialSteps):
    def run(self, symbol: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        tools = self.sync_tools
        methods = {
            "income": tools.get_income_statement,
            "financials": tools.get_company_financials,
            "price": tools.get_stock_price,
        }
        with ThreadPoolExecutor() as pool:
            data = dict(zip(methods, pool.map(lambda method: method(symbol), methods.values()), strict=True))
        report = self.report_agent.run(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=str(report.content), event=RunEvent.workflow_completed)


class AsyncFinancialDataWorkflow(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        run_id = self.start_run(symbol=symbol)
        self.run_id = run_id
        content = ""
        try:
            tools = self.async_tools
            async with asyncio.TaskGroup() as tg:
                tasks = {
                    "income": tg.create_task(tools.get_income_statement(symbol)),
                    "financials": tg.create_task(tools.get_company_financials(symbol)),
                    "price": tg.create_task(tools.get_stock_price(symbol)),
                }
            report = await self.report_agent.arun(
                self.report_prompt({key: task.result() for key, task in tasks.items()}), stream=False
            )
            content = str(report.content)
            yield RunResponse(run_id=run_id, content=content, event=RunEvent.workflow_completed)
        finally:
            self.finish_run(content)
