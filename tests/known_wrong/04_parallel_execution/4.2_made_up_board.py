# Known-wrong answer to exercise 4.2: Right-looking lines from the provider's data without calling the tool.
# expect: [Parallel execution]
# expect: returned


async def price_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    from agnocourse.tools import stock_price

    return [f"{s}: {stock_price(s)['price_usd']} USD" for s in symbols]
