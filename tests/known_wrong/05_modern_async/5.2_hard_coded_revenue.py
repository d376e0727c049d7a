# Known-wrong answer to exercise 5.2: The lines of one set of symbols typed in.
# expect: [Modern Async Patterns 1: TaskGroup]
# expect: made the calls []


class AsyncRevenueWorkflow(RevenueSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for line in ("AAPL: revenue 383.3 bn USD", "MSFT: revenue 211.9 bn USD", "NVDA: revenue 60.9 bn USD"):
            yield RunResponse(run_id=self.run_id, content=line)
        yield RunResponse(run_id=self.run_id, content="total revenue 656.1 bn USD", event=RunEvent.workflow_completed)
