# Known-wrong answer to exercise 5.2: Catches the failures of the exercise text's symbols, "BAD" and "WORSE", by name
# inside each task; any other failing symbol is not caught, and the TaskGroup's ExceptionGroup escapes.
# expect: [Modern Async Patterns 2: except*]
# expect: let an ExceptionGroup escape


class AsyncRevenueWorkflow(RevenueSteps):
    async def fetch(self, symbol: str) -> dict[str, Any] | SymbolNotFoundError:
        try:
            return await self.async_tools.get_income_statement(symbol)
        except SymbolNotFoundError as error:
            if symbol in {"BAD", "WORSE"}:
                return error
            raise

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.fetch(s)) for s in symbols]
        results = [task.result() for task in tasks]
        errors = [result for result in results if isinstance(result, SymbolNotFoundError)]
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=f"Error occurred: {error}", event=RunEvent.run_error)
        if errors:
            self.finish_run("failed")
            return
        statements = [result for result in results if not isinstance(result, SymbolNotFoundError)]
        for income in statements:
            yield RunResponse(run_id=self.run_id, content=self.line(income))
        total = round(sum(income["revenue_bn"] for income in statements), 1)
        outcome = f"total revenue {total} bn USD"
        yield RunResponse(run_id=self.run_id, content=outcome, event=RunEvent.workflow_completed)
        self.finish_run(outcome)
