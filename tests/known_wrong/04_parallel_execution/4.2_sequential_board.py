# Known-wrong answer to exercise 4.2: Right lines, one call after another.
# expect: [Parallel execution]
# expect: not all in flight at once


async def price_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    lines = []
    for symbol in symbols:
        try:
            lines.append(f"{symbol}: {(await tools.get_stock_price(symbol))['price_usd']} USD")
        except LookupError as error:
            lines.append(f"{symbol}: {error}")
    return lines
