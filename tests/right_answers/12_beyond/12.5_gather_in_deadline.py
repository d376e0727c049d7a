# A right answer to exercise 12.5 written another way: asyncio.gather under asyncio.timeout_at. A cancelled gather
# cancels all its children, so the deadline and a cancellation from outside reach every lookup; the stop event is
# set in a `finally:` block.

import asyncio
import threading
from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    when = loop.time() + seconds
    stop = threading.Event()
    lookups = [asyncio.ensure_future(tools.get_stock_price(symbol)) for symbol in symbols]
    rating = asyncio.ensure_future(asyncio.to_thread(legacy.ratings, symbols, stop))
    try:
        async with asyncio.timeout_at(when):
            await asyncio.gather(*lookups, rating)
    except TimeoutError:
        pass
    finally:
        stop.set()
    late = [task.cancelled() or not task.done() for task in [*lookups, rating]]
    values = ["late" if is_late else task.result() for task, is_late in zip([*lookups, rating], late, strict=True)]
    return {"prices": dict(zip(symbols, values[:-1], strict=True)), "ratings": values[-1]}
