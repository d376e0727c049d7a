# Right answer to exercise 5.2: keeps the group's failures in a list and reports them after the try statement.


class AsyncRevenueWorkflow(RevenueSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        failures: list[Exception] = []
        tasks = []
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        except* SymbolNotFoundError as group:
            failures = list(group.exceptions)  # pyright: ignore[reportAssignmentType]
        items = [RunResponse(run_id=self.run_id, content=f"{error}", event=RunEvent.run_error) for error in failures]
        if not failures:
            statements = [task.result() for task in tasks]
            items = [RunResponse(run_id=self.run_id, content=self.line(income)) for income in statements]
            total = round(sum(income["revenue_bn"] for income in statements), 1)
            items.append(
                RunResponse(
                    run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
                )
            )
        for item in items:
            yield item
        self.finish_run(str(items[-1].content))
