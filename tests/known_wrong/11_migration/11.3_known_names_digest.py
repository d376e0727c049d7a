# Known-wrong answer to exercise 11.3: Catches the failures of the exercise text's symbols, "BAD" and "WORSE", by name
# inside each task; any other failing symbol is not caught, and the TaskGroup's ExceptionGroup escapes.
# expect: [Migration checklist: exception handling with except*]
# expect: let an ExceptionGroup escape
# given: solution


class AsyncDigestWorkflow(DigestSteps):
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
        errors = sorted({f"Error: {r}" for r in results if isinstance(r, SymbolNotFoundError)})
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=error, event=RunEvent.run_error)
        if errors:
            self.finish_run("; ".join(errors))
            return
        incomes = [r for r in results if not isinstance(r, SymbolNotFoundError)]
        async for chunk in await self.writer.arun(self.digest_prompt(incomes), stream=True):
            yield chunk
        done = f"digest of {len(symbols)} symbols"
        yield RunResponse(run_id=self.run_id, content=done, event=RunEvent.workflow_completed)
        self.finish_run(done)
