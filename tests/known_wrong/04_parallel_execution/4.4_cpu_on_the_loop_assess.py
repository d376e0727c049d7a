# Known-wrong answer to exercise 4.4: The CPU-bound call made in the coroutine itself: it computes on the loop's thread.
# expect: [Performance hierarchy]
# expect: ran on the event loop's thread, which it held while it computed


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    async with asyncio.TaskGroup() as tg:
        price = tg.create_task(tools.get_stock_price(symbol))
        rating = tg.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
        risk = model.score(symbol)
    return {"price": price.result(), "rating": rating.result(), "risk": risk}
