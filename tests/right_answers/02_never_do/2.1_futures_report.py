# Right answer to exercise 2.1: one future per symbol from submit(), read in the order of the symbols.


class PriceReport(PriceSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=len(symbols)) as pool:
            futures = {symbol: pool.submit(self.prices.get_stock_price, symbol) for symbol in symbols}
            prices = [futures[symbol].result() for symbol in symbols]
        report = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=str(report.content), event=RunEvent.workflow_completed)
