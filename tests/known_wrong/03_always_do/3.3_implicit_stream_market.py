# Known-wrong answer to exercise 3.3: Asks the commentator without stream=: after an earlier streaming call it gets a
# generator.
# expect: [AGN112]
# expect: stream flag
# given: solution


class MarketWorkflow(MarketSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = []
        for symbol in symbols:
            line = self.line_for(self.prices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines))
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
