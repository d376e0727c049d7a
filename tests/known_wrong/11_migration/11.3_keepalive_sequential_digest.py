# Known-wrong answer to exercise 11.3: an empty keep-alive item first, then the income statements awaited one after
# another (the unknown symbols of the exercise text are screened out first, so that a failing run yields only its
# errors). The first item arrives at once; the fetches do not overlap.
# expect: [Migration checklist: TaskGroup structured concurrency]
# expect: did not all overlap


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        unknown = sorted(s for s in symbols if s in {"BAD", "WORSE"})
        if unknown:
            for s in unknown:
                error = f"Error: no data for symbol {s!r}"
                yield RunResponse(run_id=self.run_id, content=error, event=RunEvent.run_error)
            self.finish_run("failed")
            return
        yield RunResponse(run_id=self.run_id, content="")
        incomes = [await self.async_tools.get_income_statement(s) for s in symbols]
        async for chunk in await self.writer.arun(self.digest_prompt(incomes), stream=True):
            yield chunk
        done = f"digest of {len(symbols)} symbols"
        yield RunResponse(run_id=self.run_id, content=done, event=RunEvent.workflow_completed)
        self.finish_run(done)
