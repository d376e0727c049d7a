# Known-wrong answer to exercise 4.4: Everything but the async call sent to the process pool, the blocking call too.
# expect: [Performance hierarchy]
# expect: handed legacy.blocking_method
# expect: waiting needs no process


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    rating = loop.run_in_executor(pool, legacy.blocking_method, symbol)
    risk = loop.run_in_executor(pool, model.score, symbol)
    price = await tools.get_stock_price(symbol)
    return {"price": price, "rating": await rating, "risk": await risk}
