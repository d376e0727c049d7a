# Known-wrong answer to exercise 12.5: The prices first, then the legacy call: right, but the thread's work does not
# overlap the lookups.
# expect: [Beyond the rules: timeouts]
# expect: they did not start together
# expect: so that they overlap

import asyncio
import threading
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    stop = threading.Event()
    prices: dict[str, Any] = dict.fromkeys(symbols, "late")
    report: dict[str, Any] = {"prices": prices, "ratings": "late"}

    async def price(symbol: str) -> None:
        prices[symbol] = await tools.get_stock_price(symbol)

    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for symbol in symbols:
                    tg.create_task(price(symbol))
            report["ratings"] = await asyncio.to_thread(legacy.ratings, symbols, stop)
    except TimeoutError:
        pass
    finally:
        stop.set()
    return report
