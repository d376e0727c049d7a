# Known-wrong answer to exercise 11.4: The async path catches the failures of the exercise text's symbols, "BAD" and
# "WORSE", by name inside each task; any other failing symbol is not caught, and the ExceptionGroup escapes.
# expect: [Migration checklist: exception handling with except*]
# expect: let an ExceptionGroup escape
# given: solution


class AsyncRatingWorkflow(DigestSteps):
    async def guarded(self, symbol: str, call: Awaitable[dict[str, Any]]) -> dict[str, Any] | SymbolNotFoundError:
        try:
            return await call
        except SymbolNotFoundError as error:
            if symbol in {"BAD", "WORSE"}:
                return error
            raise

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        async with asyncio.TaskGroup() as tg:
            prices = [tg.create_task(self.guarded(s, self.async_tools.get_stock_price(s))) for s in symbols]
            ratings = [
                tg.create_task(self.guarded(s, asyncio.to_thread(self.legacy_tool.blocking_method, s))) for s in symbols
            ]
        results = [task.result() for task in prices + ratings]
        errors = sorted({f"Error: {r}" for r in results if isinstance(r, SymbolNotFoundError)})
        for error in errors:
            yield RunResponse(run_id=self.run_id, content=error, event=RunEvent.run_error)
        if errors:
            self.finish_run("; ".join(errors))
            return
        for price, rating in zip(prices, ratings, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), rating.result()))  # pyright: ignore[reportArgumentType]
        done = f"{len(symbols)} ratings"
        yield RunResponse(run_id=self.run_id, content=done, event=RunEvent.workflow_completed)
        self.finish_run(done)
