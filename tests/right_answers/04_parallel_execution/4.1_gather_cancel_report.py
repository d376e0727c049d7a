# Right answer to exercise 4.1: tasks and gather, cancelling and awaiting the others when one fails.


async def fetch_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    tasks = [
        asyncio.create_task(tools.get_income_statement(symbol)),
        asyncio.create_task(tools.get_company_financials(symbol)),
        asyncio.create_task(tools.get_stock_price(symbol)),
    ]
    try:
        income, financials, price = await asyncio.gather(*tasks)
    except Exception:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return {"income": income, "financials": financials, "price": price}
