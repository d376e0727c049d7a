# Known-wrong answer to exercise 4.4: The CPU-bound call wrapped in a function of its own, defined in the cell.
# expect: [Parallel execution]
# expect: raised
# expect: pass model.score and the symbol themselves


def risk_of(model: RiskModel, symbol: str) -> dict[str, Any]:
    return model.score(symbol)


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    risk = asyncio.get_running_loop().run_in_executor(pool, risk_of, model, symbol)
    async with asyncio.TaskGroup() as tg:
        price = tg.create_task(tools.get_stock_price(symbol))
        rating = tg.create_task(asyncio.to_thread(legacy.blocking_method, symbol))
    return {"price": price.result(), "rating": rating.result(), "risk": await risk}
