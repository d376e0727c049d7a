# Known-wrong answer to exercise 5.2: The rules' handler: except* Exception and RunEvent.workflow_failed, which no
# agno release has.
# expect: [AGN109]


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
        except* Exception as group:
            for error in group.exceptions:
                event = RunEvent.workflow_failed  # pyright: ignore[reportAttributeAccessIssue]
                yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=event)
