# Known-wrong answer to exercise 11.2: The summary asked for with the prompt of one set of symbols typed in; nothing
# is fetched.
# expect: [Agent Call Patterns]
# expect: made the calls []


class RevenueWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        incomes = [self.sync_tools.get_income_statement(s) for s in symbols]
        summary = self.summary_agent.run(self.revenue_prompt(incomes), stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)


class AsyncRevenueWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        prompt = "Summarise: AAPL 383.3 bn; MSFT 211.9 bn; NVDA 60.9 bn"
        summary = await self.summary_agent.arun(prompt, stream=False)
        yield RunResponse(run_id=self.run_id, content=summary.content, event=RunEvent.workflow_completed)
