# Known-wrong answer to exercise 12.5: Stops the thread at the deadline, waits for it and reports the ratings it had
# made by then as if they were complete.
# expect: [Beyond the rules: timeouts]
# expect: missed the deadline, and so did the legacy call; it returned

import asyncio
import threading
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    stop = threading.Event()
    prices: dict[str, Any] = dict.fromkeys(symbols, "late")

    async def price(symbol: str) -> None:
        prices[symbol] = await tools.get_stock_price(symbol)

    ratings = asyncio.ensure_future(asyncio.to_thread(legacy.ratings, symbols, stop))
    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for symbol in symbols:
                    tg.create_task(price(symbol))
                await asyncio.shield(ratings)
    except TimeoutError:
        pass
    finally:
        stop.set()
    return {"prices": prices, "ratings": await ratings}
