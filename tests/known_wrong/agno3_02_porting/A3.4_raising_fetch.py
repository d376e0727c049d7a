# Known-wrong answer to exercise A3.4: the fetch lets the provider's error out, and agno 3.1 skips the step.
# expect: [Implementation guidelines 3: Error handling]


def digest_workflow(path, prices, aprices, summarizer):
    def fetch(step_input):
        return StepOutput(content="; ".join(quote(prices.get_stock_price(s)) for s in symbols_of(step_input)))

    async def afetch(step_input):
        found = await asyncio.gather(*(aprices.get_stock_price(s) for s in symbols_of(step_input)))
        return StepOutput(content="; ".join(quote(price) for price in found))

    steps = [Step(name="fetch", executor=fetch if path == "sync" else afetch), Step(name="summarize", agent=summarizer)]
    return Workflow(name="digest", steps=steps, telemetry=False)
