# Known-wrong answer to exercise 2.1: sync all the way down, but one blocking call after another.
# expect: [Never do 1]
# expect: not all in flight at once


class PriceReport(PriceSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        prices = [self.prices.get_stock_price(symbol) for symbol in symbols]
        answer = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
