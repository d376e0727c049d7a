# Known-wrong answer to exercise 11.3: A TaskGroup with a plain except, which never matches the ExceptionGroup.
# expect: [Migration checklist: exception handling with except*]
# expect: ExceptionGroup escape


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        except SymbolNotFoundError as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        async for chunk in await self.writer.arun(self.digest_prompt([t.result() for t in tasks]), stream=True):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )
