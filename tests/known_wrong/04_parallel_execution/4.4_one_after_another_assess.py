# Known-wrong answer to exercise 4.4: Each call where it belongs, but each awaited before the next starts.
# expect: [Parallel execution]
# expect: were not all in flight at once


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    price = await tools.get_stock_price(symbol)
    rating = await asyncio.to_thread(legacy.blocking_method, symbol)
    risk = await asyncio.get_running_loop().run_in_executor(pool, model.score, symbol)
    return {"price": price, "rating": rating, "risk": risk}
