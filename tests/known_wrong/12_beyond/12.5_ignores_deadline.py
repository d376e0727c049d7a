# Known-wrong answer to exercise 12.5: A TaskGroup with no deadline: the report waits for the slowest call.
# expect: [Beyond the rules: timeouts]
# expect: returned after
# expect: asyncio.timeout(seconds)

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    async with asyncio.TaskGroup() as tg:
        prices = {symbol: tg.create_task(tools.get_stock_price(symbol)) for symbol in symbols}
        ratings = tg.create_task(asyncio.to_thread(legacy.ratings, symbols))
    return {"prices": {symbol: task.result() for symbol, task in prices.items()}, "ratings": ratings.result()}
