# Known-wrong answer to exercise 4.1: Awaits each call before starting the next: correct results, no concurrency.
# expect: [Parallel execution]
# expect: not all in flight at once


async def fetch_report(tools: AsyncFinancialTools, symbol: str) -> dict[str, Any]:
    return {
        "income": await tools.get_income_statement(symbol),
        "financials": await tools.get_company_financials(symbol),
        "price": await tools.get_stock_price(symbol),
    }
