# Known-wrong answer to exercise 12.2: A deadline of its own typed in, 0.3 s, and `seconds` ignored: it passed while
# the check's deadlines and latencies were always the same.
# expect: [Beyond the rules: timeouts]
# expect: returned None, although the tool answers
# expect: the deadline is the `seconds` argument

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def price_within(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    try:
        async with asyncio.timeout(0.3):
            return await tools.get_stock_price(symbol)
    except TimeoutError:
        return None
