# Known-wrong answer to exercise 7.2: words prices it looked up itself (the mock data's plain function), never asking
# the price client.
# expect: [Performance 3: parallel processing]
# expect: called the price client []


class MadeUpBoard(BoardSteps):
    """Words prices it looked up itself (the mock data's plain function), never asking the price client."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        from agnocourse.tools import stock_price

        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=self.quote(stock_price(symbol)))
        yield RunResponse(
            run_id=self.run_id, content=f"{len(symbols)} of {len(symbols)} quotes", event=RunEvent.workflow_completed
        )
        self.finish_run(str(f"{len(symbols)} of {len(symbols)} quotes"))


AsyncPriceBoard = MadeUpBoard
