# Known-wrong answer to exercise 12.2: asyncio.wait() with a timeout stops waiting but leaves the call running.
# expect: [Beyond the rules: timeouts]
# expect: still running

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def price_within(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    task = asyncio.ensure_future(tools.get_stock_price(symbol))
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return task.result() if done else None
