# Right answer to exercise 4.2: plain gather over per-symbol coroutines that each catch their own failure.


async def price_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    async def line(symbol: str) -> str:
        try:
            return f"{symbol}: {(await tools.get_stock_price(symbol))['price_usd']} USD"
        except LookupError as error:
            return f"{symbol}: {error}"

    return await asyncio.gather(*(line(s) for s in symbols))
