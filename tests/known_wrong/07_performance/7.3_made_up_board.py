# Known-wrong answer to exercise 7.3: prices made up from the course's demo data, no call to the price client: the
# check's prices are drawn for its run, so only a call can know them.
# expect: [Performance 3: parallel processing]
# expect: called the price client []
from agnocourse.tools import stock_price


class MadeUpBoard(LiveBoardSteps):
    """Every symbol quoted from stock_price(), a function, at once: no call, no failure, no waiting."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        for symbol in symbols:
            yield RunResponse(run_id=self.run_id, content=self.quote(stock_price(symbol)))
        summary = f"{len(symbols)} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = MadeUpBoard
