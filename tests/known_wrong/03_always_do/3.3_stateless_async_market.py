# Known-wrong answer to exercise 3.3: The right items, but the run is never opened or closed: the workflow keeps no
# record of it.
# expect: [ALWAYS DO 1-2: both paths give the same result]
# expect: lacks: run_response
# given: solution

from uuid import uuid4


class AsyncMarketWorkflow(MarketSteps):
    async def arun(self, symbols: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        lines = []
        for symbol in symbols:
            line = self.line_for(await self.aprices.get_stock_price(symbol))
            lines.append(line)
            yield RunResponse(run_id=self.run_id, content=line)
        comment = await self.commentator.arun("\n".join(lines), stream=False)
        yield RunResponse(run_id=self.run_id, content=comment.content, event=RunEvent.workflow_completed)
