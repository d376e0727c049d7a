# Known-wrong answer to exercise 2.1: the rules' own "sync-to-async bridge": asyncio.run() with a TaskGroup inside
# run().
# expect: [AGN101]


class PriceReport(PriceSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async def fetch() -> list[dict[str, Any]]:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.aprices.get_stock_price(symbol)) for symbol in symbols]
            return [task.result() for task in tasks]

        prices = asyncio.run(fetch())
        answer = self.writer.run(self.prompt_for(prices), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
