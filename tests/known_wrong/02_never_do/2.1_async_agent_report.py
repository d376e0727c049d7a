# Known-wrong answer to exercise 2.1: Never do 4 as the rules show it: asyncio.run(agent.arun(...)) in the sync path.
# expect: [AGN101]


class PriceReport(PriceSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor() as pool:
            prices = list(pool.map(self.prices.get_stock_price, symbols))
        answer = asyncio.run(self.writer.arun(self.prompt_for(prices), stream=False))
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
