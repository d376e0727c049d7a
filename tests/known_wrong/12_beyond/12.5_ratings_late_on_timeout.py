# Known-wrong answer to exercise 12.5: Marks the ratings late whenever the deadline passes, even when the legacy call
# had finished in time.
# expect: [Beyond the rules: timeouts]
# expect: the legacy call answered within
# expect: yet the report marks it late

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

    async def rate() -> None:
        report["ratings"] = await asyncio.to_thread(legacy.ratings, symbols, stop)

    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for symbol in symbols:
                    tg.create_task(price(symbol))
                tg.create_task(rate())
    except TimeoutError:
        report["ratings"] = "late"
    finally:
        stop.set()
    return report
