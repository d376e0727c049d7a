# Known-wrong answer to exercise 11.2: An agent call without stream=.
# expect: [AGN112]


class RevenueWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        incomes = [self.sync_tools.get_income_statement(s) for s in symbols]
        summary = self.summary_agent.run(self.revenue_prompt(incomes))
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class AsyncRevenueWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        summary = await self.summary_agent.arun(self.revenue_prompt([t.result() for t in tasks]), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)
