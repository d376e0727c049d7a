# Known-wrong answer to exercise 12.1: `limit` calls at a time in fixed batches: within the limit, but each batch
# waits for its slowest call.
# expect: [Beyond the rules: bounded concurrency]
# expect: at most 3 in flight

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for start in range(0, len(symbols), limit):
        batch = symbols[start : start + limit]
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(tools.get_stock_price(symbol)) for symbol in batch]
        results += [task.result() for task in tasks]
    return results
