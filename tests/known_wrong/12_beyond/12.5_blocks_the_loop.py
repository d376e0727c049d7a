# Known-wrong answer to exercise 12.5: Calls the legacy client straight from a task: it holds the event loop, so no
# price arrives and no deadline fires until it is done.
# expect: [AGN107]
# expect: the blocking call ran on the loop's thread

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
        await asyncio.sleep(0)
        report["ratings"] = legacy.ratings(symbols, stop)

    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for symbol in symbols:
                    tg.create_task(price(symbol))
                tg.create_task(rate())
    except TimeoutError:
        pass
    finally:
        stop.set()
    return report
