# Known-wrong answer to exercise 1.2: yields plain dicts instead of RunResponse objects.
# expect: [AGN102]
# given: solution


class QuoteWorkflow(QuoteSteps):
    def run(self, symbols: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for symbol in symbols:
            yield {"content": symbol}  # pyright: ignore[reportReturnType]
