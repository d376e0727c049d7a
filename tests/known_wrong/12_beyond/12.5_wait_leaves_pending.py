# Known-wrong answer to exercise 12.5: asyncio.wait() with a timeout, like gather without a group, leaves the late
# lookups running: it stops waiting for them and cancels nothing.
# expect: [Beyond the rules: timeouts]
# expect: tasks were still running when it returned at the deadline

import asyncio
import threading
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    stop = threading.Event()
    prices = {symbol: asyncio.ensure_future(tools.get_stock_price(symbol)) for symbol in symbols}
    ratings = asyncio.ensure_future(asyncio.to_thread(legacy.ratings, symbols, stop))
    try:
        await asyncio.wait([*prices.values(), ratings], timeout=seconds)
    finally:
        stop.set()

    def value(task: asyncio.Future[Any]) -> Any:
        return task.result() if task.done() else "late"

    return {"prices": {symbol: value(task) for symbol, task in prices.items()}, "ratings": value(ratings)}
