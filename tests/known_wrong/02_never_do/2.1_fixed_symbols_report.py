# Known-wrong answer to exercise 2.1: the symbols of one run typed in; the argument is ignored.
# expect: [Result]
# expect: the final item's content was


class PriceReport(PriceSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor() as pool:
            prices = list(pool.map(self.prices.get_stock_price, ["AAPL", "MSFT", "NVDA", "AMZN"]))
        answer = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
