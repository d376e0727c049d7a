# Known-wrong answer to exercise 4.2: The lines of one board typed in, the tool never called.
# expect: [Parallel execution]
# expect: returned


async def price_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    return ["AAPL: 189.5 USD", "BAD: no data for symbol 'BAD'", "MSFT: 374.6 USD"]
