# Known-wrong answer to exercise 4.4: A process pool started for every call instead of the one it was given.
# expect: [Performance hierarchy]
# expect: received no call
import multiprocessing


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    own = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver"))
    try:
        risk = asyncio.get_running_loop().run_in_executor(own, model.score, symbol)
        async with asyncio.TaskGroup() as tg:
            price = tg.create_task(tools.get_stock_price(symbol))
            rating = tg.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
        return {"price": price.result(), "rating": rating.result(), "risk": await risk}
    finally:
        own.shutdown(wait=False)
