# A right answer to exercise 11.2 written another way: the sync path fetches one statement after another, the async
# path gathers the fetches, and the summary is kept in a variable before it is yielded.


class RevenueWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        incomes = [self.sync_tools.get_income_statement(s) for s in symbols]
        summary = self.summary_agent.run(self.revenue_prompt(incomes), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class AsyncRevenueWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        incomes = await asyncio.gather(*(self.async_tools.get_income_statement(s) for s in symbols))
        answer = await self.summary_agent.arun(self.revenue_prompt(list(incomes)), stream=False)
        text = str(answer.content)
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)
