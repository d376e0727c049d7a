# A right answer to exercise 11.3 written another way: the failures are kept in a list inside except* and reported
# after the try, and the stream is stored in a variable before the loop.


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        failures: list[str] = []
        statements: list[dict[str, Any]] = []
        try:
            async with asyncio.TaskGroup() as tg:
                fetches = {s: tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols}
            statements = [fetches[s].result() for s in symbols]
        except* SymbolNotFoundError as group:
            failures = sorted({str(error) for error in group.exceptions})
        if failures:
            for message in failures:
                yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
            self.finish_run(f"{len(failures)} failures")
            return
        stream = await self.writer.arun(self.digest_prompt(statements), stream=True)
        async for piece in stream:
            yield piece
        closing = f"digest of {len(symbols)} symbols"
        yield RunResponse(run_id=self.run_id, content=closing, event=RunEvent.workflow_completed)
        self.finish_run(closing)
