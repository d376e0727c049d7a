# Known-wrong answer to exercise A3.4: the async fetch awaits one price after another.
# expect: [Always do 3: Parallel execution patterns]
# expect: not all in flight at once


def digest_workflow(path, prices, aprices, summarizer):
    def fetch(step_input):
        results = []
        for symbol in symbols_of(step_input):
            try:
                results.append(prices.get_stock_price(symbol))
            except SymbolNotFoundError as error:
                results.append(error)
        return digested(results)

    async def afetch(step_input):
        results = []
        for symbol in symbols_of(step_input):
            try:
                results.append(await aprices.get_stock_price(symbol))
            except SymbolNotFoundError as error:
                results.append(error)
        return digested(results)

    steps = [Step(name="fetch", executor=fetch if path == "sync" else afetch), Step(name="summarize", agent=summarizer)]
    return Workflow(name="digest", steps=steps, telemetry=False)
