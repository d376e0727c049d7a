# Known-wrong answer to exercise 4.4: The pool's future given to TaskGroup.create_task, which takes coroutines only.
# expect: holding TypeError
# expect: a coroutine was expected
# expect: wrap it in a coroutine


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        price = tg.create_task(tools.get_stock_price(symbol))
        rating = tg.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
        risk = tg.create_task(loop.run_in_executor(pool, model.score, symbol))
    return {"price": price.result(), "rating": rating.result(), "risk": risk.result()}
