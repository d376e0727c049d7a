# Known-wrong answer to exercise 11.3: The bare gather() kept.
# expect: [Migration checklist: exception handling with except*]
# expect: let SymbolNotFoundError escape


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        incomes = await asyncio.gather(*(self.async_tools.get_income_statement(s) for s in symbols))
        async for chunk in await self.writer.arun(self.digest_prompt(incomes), stream=True):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )
