# Known-wrong answer to exercise 3.3: Fetches every price before yielding the first item.
# expect: [AGN103]
# expect: after the last price had been fetched
# given: solution


class MarketWorkflow(MarketSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = [self.line_for(self.prices.get_stock_price(symbol)) for symbol in symbols]
        for line in lines:
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
