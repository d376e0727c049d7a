# Known-wrong answer to exercise 12.1: Within the limit, trivially: one call after another.
# expect: [Beyond the rules: bounded concurrency]
# expect: at most 1 in flight

from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    return [await tools.get_stock_price(symbol) for symbol in symbols]
