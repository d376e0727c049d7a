# Known-wrong answer to exercise 12.1: A semaphore created inside each call: every call gets its own permits, so
# nothing is limited.
# expect: [Beyond the rules: bounded concurrency]
# expect: 9 calls in flight at once

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    async def fetch(symbol: str) -> dict[str, Any]:
        async with asyncio.Semaphore(limit):
            return await tools.get_stock_price(symbol)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(symbol)) for symbol in symbols]
    return [task.result() for task in tasks]
