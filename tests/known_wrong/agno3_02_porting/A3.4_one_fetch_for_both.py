# Known-wrong answer to exercise A3.4: one sync fetch step for both paths, as if agno picked the call for a function.
# expect: [Always do 1-2: both paths give the same result]
# expect: asked the sync source for


def digest_workflow(path, prices, aprices, summarizer):
    def fetch(step_input):
        results = []
        for symbol in symbols_of(step_input):
            try:
                results.append(prices.get_stock_price(symbol))
            except SymbolNotFoundError as error:
                results.append(error)
        return digested(results)

    steps = [Step(name="fetch", executor=fetch), Step(name="summarize", agent=summarizer)]
    return Workflow(name="digest", steps=steps, telemetry=False)
