# Known-wrong answer to exercise 11.3: the income statements are fetched, but the writer is asked a fixed prompt that
# ignores them.
# expect: [Agent Call Patterns]
# expect: the writer was asked ['Write a digest.']


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        errors: list[str] = []
        try:
            async with asyncio.TaskGroup() as tg:
                for s in symbols:
                    tg.create_task(self.async_tools.get_income_statement(s))
        except* SymbolNotFoundError as group:
            errors = sorted({f"Error: {error}" for error in group.exceptions})
            for error in errors:
                yield RunResponse(run_id=self.run_id, content=error, event=RunEvent.run_error)
        if errors:
            self.finish_run("; ".join(errors))
            return
        async for chunk in await self.writer.arun("Write a digest.", stream=True):
            yield chunk
        done = f"digest of {len(symbols)} symbols"
        yield RunResponse(run_id=self.run_id, content=done, event=RunEvent.workflow_completed)
        self.finish_run(done)
