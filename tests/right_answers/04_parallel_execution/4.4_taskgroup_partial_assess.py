# Right answer to exercise 4.4: every call a task of one TaskGroup; the process call wrapped in a coroutine, with a
# functools.partial, and the results read in another order.
import functools


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    loop = asyncio.get_running_loop()

    async def in_a_process() -> dict[str, Any]:
        return await loop.run_in_executor(pool, functools.partial(model.score, symbol))

    async with asyncio.TaskGroup() as tg:
        tasks = {
            "risk": tg.create_task(in_a_process()),
            "rating": tg.create_task(asyncio.to_thread(legacy.blocking_method, symbol)),
            "price": tg.create_task(tools.get_stock_price(symbol)),
        }
    return {key: task.result() for key, task in tasks.items()}
