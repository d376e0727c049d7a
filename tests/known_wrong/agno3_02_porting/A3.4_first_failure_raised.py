# Known-wrong answer to exercise A3.4: the fetch fails on error but raises at the first unknown symbol, so the run's
# error names one failure, not every one.
# expect: [Implementation guidelines 3: Error handling]
# expect: names every failed symbol
from agno.workflow.types import HumanReview, OnError


def digest_workflow(path, prices, aprices, summarizer):
    def fetch(step_input):
        return StepOutput(content="; ".join(quote(prices.get_stock_price(s)) for s in symbols_of(step_input)))

    async def afetch(step_input):
        found = await asyncio.gather(*(aprices.get_stock_price(s) for s in symbols_of(step_input)))
        return StepOutput(content="; ".join(quote(price) for price in found))

    loud = HumanReview(on_error=OnError.fail)
    fetching = Step(name="fetch", executor=fetch if path == "sync" else afetch, max_retries=0, human_review=loud)
    return Workflow(name="digest", steps=[fetching, Step(name="summarize", agent=summarizer)], telemetry=False)
