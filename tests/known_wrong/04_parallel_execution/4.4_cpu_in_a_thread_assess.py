# Known-wrong answer to exercise 4.4: The CPU-bound call in a thread: the loop stays free, but it computes under the
# GIL, and the process pool it was given stays idle.
# expect: [Performance hierarchy]
# expect: ran in a thread of this process, where it computes under the GIL


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    async with asyncio.TaskGroup() as tg:
        price = tg.create_task(tools.get_stock_price(symbol))
        rating = tg.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
        risk = tg.create_task(asyncio.to_thread(model.score, symbol))
    return {"price": price.result(), "rating": rating.result(), "risk": risk.result()}
