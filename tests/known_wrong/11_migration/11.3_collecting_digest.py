# Known-wrong answer to exercise 11.3: The collection helper kept.
# expect: [AGN103]


class AsyncDigestWorkflow(DigestSteps):
    async def collect(self, stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
        chunks = []
        async for chunk in stream:
            chunks.append(chunk)
        return chunks

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(self.async_tools.get_income_statement(s)) for s in symbols]
        incomes = [t.result() for t in tasks]
        for chunk in await self.collect(await self.writer.arun(self.digest_prompt(incomes), stream=True)):
            yield chunk
        yield RunResponse(
            run_id=self.run_id, content=f"digest of {len(symbols)} symbols", event=RunEvent.workflow_completed
        )
