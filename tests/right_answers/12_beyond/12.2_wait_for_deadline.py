# A right answer to exercise 12.2 written another way: asyncio.wait_for, which cancels the call when the deadline
# passes and ends cancelled when its caller is cancelled.


async def price_within(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    try:
        return await asyncio.wait_for(tools.get_stock_price(symbol), timeout=seconds)
    except TimeoutError:
        return None
