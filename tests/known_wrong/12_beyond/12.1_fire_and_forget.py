# Known-wrong answer to exercise 12.1: Tasks started and their references dropped; a polling loop waits for their
# results.
# expect: [AGN201]
# expect: is not kept

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    semaphore = asyncio.Semaphore(limit)
    results: dict[str, dict[str, Any]] = {}

    async def fetch(symbol: str) -> None:
        async with semaphore:
            results[symbol] = await tools.get_stock_price(symbol)

    for symbol in symbols:
        asyncio.create_task(fetch(symbol))  # noqa: RUF006 (the anti-pattern)
    while len(results) < len(symbols):  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    return [results[symbol] for symbol in symbols]
