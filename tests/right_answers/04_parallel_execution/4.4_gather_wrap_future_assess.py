# Right answer to exercise 4.4: one gather of a coroutine, a to_thread call and the pool's own future, wrapped.


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    results = await asyncio.gather(
        tools.get_stock_price(symbol),
        asyncio.to_thread(legacy.blocking_method, symbol),
        asyncio.wrap_future(pool.submit(model.score, symbol)),
        return_exceptions=True,
    )
    for result in results:
        if isinstance(result, BaseException):
            raise result
    price, rating, risk = results
    return {"price": price, "rating": rating, "risk": risk}
