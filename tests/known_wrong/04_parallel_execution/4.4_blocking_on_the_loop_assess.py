# Known-wrong answer to exercise 4.4: The blocking call made in a task without to_thread: it holds the event loop.
# expect: [AGN107]
# expect: ran on the event loop's thread


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    async def rate() -> dict[str, Any]:
        return legacy.blocking_method(symbol)

    risk = asyncio.get_running_loop().run_in_executor(pool, model.score, symbol)
    async with asyncio.TaskGroup() as tg:
        price = tg.create_task(tools.get_stock_price(symbol))
        rating = tg.create_task(rate())
    return {"price": price.result(), "rating": rating.result(), "risk": await risk}
