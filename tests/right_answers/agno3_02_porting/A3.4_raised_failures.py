# A right answer to exercise A3.4, written another way: the fetch step fails on error, so a failed fetch raises its
# error (every failed symbol) on both paths, as the porting chapter's brief does.
from agno.workflow.types import HumanReview, OnError


def digest_workflow(path, prices, aprices, summarizer):
    def fetch(step_input):
        found = []
        for symbol in symbols_of(step_input):
            try:
                found.append(prices.get_stock_price(symbol))
            except SymbolNotFoundError as error:
                found.append(error)
        return digested(found)

    async def afetch(step_input):
        symbols = symbols_of(step_input)
        return digested(await asyncio.gather(*(aprices.get_stock_price(s) for s in symbols), return_exceptions=True))

    def digested(results):
        failures = [str(r) for r in results if isinstance(r, BaseException)]
        if failures:
            return StepOutput(content="Error", success=False, error="Error: " + "; ".join(failures))
        return StepOutput(content="; ".join(quote(r) for r in results))

    loud = {"max_retries": 0, "human_review": HumanReview(on_error=OnError.fail)}
    steps = [Step(name="fetch", executor=fetch if path == "sync" else afetch, **loud), Step(agent=summarizer)]
    return Workflow(name="digest", steps=steps, telemetry=False)
