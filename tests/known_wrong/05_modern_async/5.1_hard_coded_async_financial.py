# Known-wrong answer to exercise 5.1: Asks the agent about MSFT whatever the symbol.
# expect: [Dual Method Pattern]
# given: solution


class GoodAsyncFinancial(FinancialSteps):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbol=symbol)
        async with asyncio.TaskGroup() as tg:
            income = tg.create_task(self.async_tools.get_income_statement(symbol))
            financials = tg.create_task(self.async_tools.get_company_financials(symbol))
            price = tg.create_task(self.async_tools.get_stock_price(symbol))
        data = {"income": income.result(), "financials": financials.result(), "price": price.result()}
        report = await self.report_agent.arun(self.report_prompt(data), stream=False)
        yield RunResponse(run_id=self.run_id, content=report.content, event=RunEvent.workflow_completed)


class AsyncFinancialDataWorkflow(GoodAsyncFinancial):
    async def arun(self, symbol: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async for item in super().arun("MSFT"):
            yield item
