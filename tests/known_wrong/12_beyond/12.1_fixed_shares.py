# Known-wrong answer to exercise 12.1: `limit` workers, each given a fixed share of the symbols in advance: within the
# limit, but a worker whose share holds the slow calls keeps working while the others sit idle.
# expect: [Beyond the rules: bounded concurrency]
# expect: a fixed share

import asyncio
import math
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    size = math.ceil(len(symbols) / limit)
    shares = [symbols[i : i + size] for i in range(0, len(symbols), size)]

    async def worker(share: list[str]) -> list[dict[str, Any]]:
        return [await tools.get_stock_price(symbol) for symbol in share]

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(share)) for share in shares]
    return [price for task in tasks for price in task.result()]
