# Known-wrong answer to exercise 12.5: asyncio.wait_for around asyncio.to_thread, believed to stop the legacy call at
# the deadline: it stops the waiting, and the thread goes on rating symbols.
# expect: [Beyond the rules: a deadline cannot stop a thread]
# expect: the legacy call went on in its thread
# expect: cancelling the await of a thread does not stop the thread

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    async def price(symbol: str) -> Any:
        try:
            return await asyncio.wait_for(tools.get_stock_price(symbol), seconds)
        except TimeoutError:
            return "late"

    async def rate() -> Any:
        try:
            return await asyncio.wait_for(asyncio.to_thread(legacy.ratings, symbols), seconds)
        except TimeoutError:
            return "late"

    async with asyncio.TaskGroup() as tg:
        prices = {symbol: tg.create_task(price(symbol)) for symbol in symbols}
        ratings = tg.create_task(rate())
    return {"prices": {symbol: task.result() for symbol, task in prices.items()}, "ratings": ratings.result()}
