# Known-wrong answer to exercise 4.2: A TaskGroup where each result must be handled alone: one bad symbol loses every
# price.
# expect: [AGN202]
# expect: raised ExceptionGroup


async def price_board(tools: AsyncFinancialTools, symbols: list[str]) -> list[str]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(tools.get_stock_price(s)) for s in symbols]
    return [f"{s}: {t.result()['price_usd']} USD" for s, t in zip(symbols, tasks, strict=True)]
