# Known-wrong answer to exercise 11.4: The sync path fetches the prices but makes up the ratings from a client of its
# own; the workflow's legacy client is never called, and the lines look right.
# expect: [Always do 3: ThreadPoolExecutor on the sync path]
# expect: RatingWorkflow.run() made the legacy calls []
# given: solution


class RatingWorkflow(DigestSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with ThreadPoolExecutor(max_workers=len(symbols)) as pool:
            prices = [pool.submit(self.sync_tools.get_stock_price, s) for s in symbols]
        errors = {str(f.exception()) for f in prices if f.exception() is not None}
        for message in sorted(errors):
            yield RunResponse(run_id=self.run_id, content=f"Error: {message}", event=RunEvent.run_error)
        if errors:
            return
        made_up = LegacyReportTool(latency=0)  # a copy, not the workflow's client
        for price, symbol in zip(prices, symbols, strict=True):
            yield RunResponse(run_id=self.run_id, content=self.rated(price.result(), made_up.blocking_method(symbol)))
        yield RunResponse(run_id=self.run_id, content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
