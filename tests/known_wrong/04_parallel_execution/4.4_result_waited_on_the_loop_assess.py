# Known-wrong answer to exercise 4.4: The CPU-bound call in the pool, but its result waited for with .result(), which
# blocks the event loop's thread while the worker computes.
# expect: [AGN107]
# expect: event loop was blocked
# expect: never waited for with .result()


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    price = asyncio.create_task(tools.get_stock_price(symbol))
    rating = asyncio.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
    await asyncio.sleep(0)  # both calls are under way
    risk = pool.submit(model.score, symbol).result()
    return {"price": await price, "rating": await rating, "risk": risk}
