# Known-wrong answer to exercise 4.2: gather without return_exceptions: the first failure escapes and the results are
# lost.
# expect: [AGN202]
# expect: raised SymbolNotFoundError


async def price_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    results = await asyncio.gather(*(tools.get_stock_price(s) for s in symbols))
    return [f"{s}: {r['price_usd']} USD" for s, r in zip(symbols, results, strict=True)]
