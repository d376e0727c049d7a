# Known-wrong answer to exercise 7.2: reports the exercise text's failing symbols (BAD, WORSE) as errors without
# asking about them.
# expect: [Result]
# expect: raised SymbolNotFoundError


class GoodBoard(BoardSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        results = await asyncio.gather(
            *(self.async_tools.get_stock_price(symbol) for symbol in symbols), return_exceptions=True
        )
        found = 0
        for result in results:
            if isinstance(result, Exception):
                yield RunResponse(run_id=self.run_id, content=f"Error: {result}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(result))
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{found} of {len(symbols)} quotes"))


class KnownFailuresBoard(GoodBoard):
    """Reports the exercise text's failing symbols (BAD, WORSE) as errors without asking about them."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        known = [s for s in symbols if s not in {"BAD", "WORSE"}]
        prices = await asyncio.gather(*(self.async_tools.get_stock_price(s) for s in known))
        found = dict(zip(known, prices, strict=True))
        for symbol in symbols:
            if symbol in found:
                yield RunResponse(run_id=self.run_id, content=self.quote(found[symbol]))
            else:
                yield RunResponse(run_id=self.run_id, content=f"no data for {symbol}", event=RunEvent.run_error)
        yield RunResponse(
            run_id=self.run_id, content=f"{len(found)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{len(found)} of {len(symbols)} quotes"))


AsyncPriceBoard = KnownFailuresBoard
