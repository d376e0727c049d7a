# Known-wrong answer to exercise 3.3: Looks each price up itself instead of asking the workflow's price source.
# expect: [ALWAYS DO 1-2: both paths give the same result]
# expect: price source for []
# given: solution

from agnocourse.tools import stock_price


class MarketWorkflow(MarketSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        lines = []
        for symbol in symbols:
            line = self.line_for(stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = self.commentator.run("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
