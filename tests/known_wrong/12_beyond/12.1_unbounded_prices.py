# Known-wrong answer to exercise 12.1: Every call at once: the rate-limited API sees nine.
# expect: [Beyond the rules: bounded concurrency]
# expect: 9 calls in flight at once

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(tools.get_stock_price(symbol)) for symbol in symbols]
    return [task.result() for task in tasks]
