# Known-wrong answer to exercise 7.3: each price yielded as it arrives, but the failures kept back and reported after
# the last price, out of the order the calls ended in.
# expect: [Performance 1 and 3: parallel results streamed as they finish]
# expect: reported the symbols in the order


class ErrorsLastBoard(LiveBoardSteps):
    """Prices as they arrive; failures saved for the end of the board."""

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        failures: list[Exception] = []
        for next_done in asyncio.as_completed([self.async_tools.get_stock_price(symbol) for symbol in symbols]):
            try:
                price = await next_done
            except SymbolNotFoundError as error:
                failures.append(error)
            else:
                yield RunResponse(run_id=self.run_id, content=self.quote(price))
        for error in failures:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
        summary = f"{len(symbols) - len(failures)} of {len(symbols)} quotes"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)


AsyncLiveBoard = ErrorsLastBoard
