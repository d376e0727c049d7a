# Known-wrong answer to exercise 4.1: Plain gather: concurrent, but only the first failure is ever reported.
# expect: [Parallel execution]
# expect: still running


async def fetch_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    income, financials, price = await asyncio.gather(
        tools.get_income_statement(symbol), tools.get_company_financials(symbol), tools.get_stock_price(symbol)
    )
    return {"income": income, "financials": financials, "price": price}
