# Right answer to exercise 3.3: one helper per symbol on the async path, and the run closed in a finally block.


class MarketWorkflow(MarketSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines: list[str] = []
        for symbol in symbols:
            line = self.line_for(self.prices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)


class AsyncMarketWorkflow(MarketSteps):
    async def _line(self, symbol: str) -> str:
        return self.line_for(await self.aprices.get_stock_price(symbol))

    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(symbols=symbols)
        lines: list[str] = []
        comment = ""
        try:
            for symbol in symbols:
                lines += [await self._line(symbol)]
                yield RunResponse(run_id=self.run_id, content=lines[-1])
            comment = str((await self.commentator.arun("\n".join(lines), stream=False)).content)
            yield RunResponse(run_id=self.run_id, content=comment, event=RunEvent.workflow_completed)
        finally:
            self.finish_run(comment)
