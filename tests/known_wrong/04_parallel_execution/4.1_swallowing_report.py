# Known-wrong answer to exercise 4.1: A TaskGroup whose failures are caught and dropped: the caller never learns that
# the report is empty.
# expect: [Parallel execution]
# expect: instead of raising


async def good_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    async with asyncio.TaskGroup() as tg:
        income = tg.create_task(tools.get_income_statement(symbol))
        financials = tg.create_task(tools.get_company_financials(symbol))
        price = tg.create_task(tools.get_stock_price(symbol))
    return {"income": income.result(), "financials": financials.result(), "price": price.result()}


async def fetch_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    try:
        return await good_report(tools, symbol)
    except ExceptionGroup:
        return {}
