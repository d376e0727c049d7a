# Known-wrong answer to exercise 5.2: One await after another, with a plain try/except around each.
# expect: [Modern Async Patterns 1: TaskGroup]
# expect: not all in flight at once


class AsyncRevenueWorkflow(RevenueSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        statements, errors = [], []
        for symbol in symbols:
            try:
                statements.append(await self.async_tools.get_income_statement(symbol))
            except SymbolNotFoundError as error:
                errors.append(error)
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)
        if errors:
            return
        for income in statements:
            yield RunResponse(run_id=self.run_id, content=self.line(income))
        total = round(sum(income["revenue_bn"] for income in statements), 1)
        yield RunResponse(
            run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
        )
