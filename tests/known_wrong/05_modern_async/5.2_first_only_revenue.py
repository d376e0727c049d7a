# Known-wrong answer to exercise 5.2: Reports only the first exception of the group.
# expect: [Modern Async Patterns 2: except*]
# expect: 2 symbols failed


class AsyncRevenueWorkflow(RevenueSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(symbol)) for symbol in symbols]
            statements = [task.result() for task in tasks]
            for income in statements:
                yield RunResponse(run_id=self.run_id, content=self.line(income))
            total = round(sum(income["revenue_bn"] for income in statements), 1)
            yield RunResponse(
                run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
            )
        except* SymbolNotFoundError as group:
            error = group.exceptions[0]
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)
