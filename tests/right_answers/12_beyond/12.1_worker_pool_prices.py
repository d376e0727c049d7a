# A right answer to exercise 12.1 written another way: `limit` workers take the next symbol from a queue as soon as
# they are free.

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def fetch_prices(tools: AsyncFinancialTools, symbols: list[str], limit: int) -> list[dict[str, Any]]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(symbols)):
        queue.put_nowait(index)
    results: list[Any] = [None] * len(symbols)

    async def worker() -> None:
        while not queue.empty():
            index = queue.get_nowait()
            results[index] = await tools.get_stock_price(symbols[index])

    async with asyncio.TaskGroup() as tg:
        for _ in range(limit):
            tg.create_task(worker())
    return results
