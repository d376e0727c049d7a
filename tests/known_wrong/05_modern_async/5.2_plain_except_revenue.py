# Known-wrong answer to exercise 5.2: `except SymbolNotFoundError` around a TaskGroup: it never matches the
# ExceptionGroup.
# expect: [Modern Async Patterns 2: except*]
# expect: ExceptionGroup escape


class GoodRevenue(RevenueSteps):
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
            for error in group.exceptions:
                yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)


class AsyncRevenueWorkflow(GoodRevenue):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(symbol)) for symbol in symbols]
        except SymbolNotFoundError as error:
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)
            return
        statements = [task.result() for task in tasks]
        for income in statements:
            yield RunResponse(run_id=self.run_id, content=self.line(income))
        total = round(sum(income["revenue_bn"] for income in statements), 1)
        yield RunResponse(
            run_id=self.run_id, content=f"total revenue {total} bn USD", event=RunEvent.workflow_completed
        )
