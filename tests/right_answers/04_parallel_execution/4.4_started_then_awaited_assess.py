# Right answer to exercise 4.4: all three started first, then awaited one by one.


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    price = asyncio.create_task(tools.get_stock_price(symbol))
    rating = asyncio.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
    risk = asyncio.get_running_loop().run_in_executor(pool, model.score, symbol)
    return {"price": await price, "rating": await rating, "risk": await risk}
