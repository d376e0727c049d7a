# Known-wrong answer to exercise 7.2: every call fails with a TypeError (a keyword the client does not take), each
# reported as a run_error.
# expect: [Performance 3: parallel processing]
# expect: unexpected keyword argument 'ticker'


class BadCallBoard(BoardSteps):
    """Every call fails with a TypeError (a keyword the client does not take), each reported as a run_error."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)

        async def fetch(symbol: str) -> dict[str, Any]:
            return await self.async_tools.get_stock_price(ticker=symbol)  # pyright: ignore[reportCallIssue]

        results = await asyncio.gather(*(fetch(s) for s in symbols), return_exceptions=True)
        found = 0
        for symbol, result in zip(symbols, results, strict=True):
            if isinstance(result, BaseException):
                yield RunResponse(run_id=self.run_id, content=f"{symbol}: {result}", event=RunEvent.run_error)
            else:
                found += 1
                yield RunResponse(run_id=self.run_id, content=self.quote(result))
        yield RunResponse(
            run_id=self.run_id, content=f"{found} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{found} of {len(symbols)} quotes"))


AsyncPriceBoard = BadCallBoard
