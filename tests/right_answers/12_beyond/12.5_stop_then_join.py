# A right answer to exercise 12.5 written another way: the legacy call runs in a task of its own, shielded from the
# deadline; when the deadline passes (or the caller cancels), the answer sets the stop event and waits for the
# thread to end, so that no work of its own is left running when it returns.

import asyncio
import threading
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    stop = threading.Event()
    rating = asyncio.create_task(asyncio.to_thread(legacy.ratings, symbols, stop))
    prices: dict[str, asyncio.Task[dict[str, Any]]] = {}
    try:
        async with asyncio.timeout(seconds), asyncio.TaskGroup() as tg:
            for symbol in symbols:
                prices[symbol] = tg.create_task(tools.get_stock_price(symbol))
            await asyncio.shield(rating)
    except TimeoutError:
        pass
    finally:
        in_time = rating.done()
        stop.set()
        await asyncio.wait([rating])  # the thread ends after the symbol it is rating

    def value(task: asyncio.Task[Any]) -> Any:
        return task.result() if task.done() and not task.cancelled() else "late"

    return {
        "prices": {symbol: value(prices[symbol]) for symbol in symbols},
        "ratings": rating.result() if in_time else "late",
    }
