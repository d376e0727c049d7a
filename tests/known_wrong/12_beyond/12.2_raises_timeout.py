# Known-wrong answer to exercise 12.2: The deadline without the handler: TimeoutError reaches the caller.
# expect: [Beyond the rules: timeouts]
# expect: raised TimeoutError

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def price_within(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    async with asyncio.timeout(seconds):
        return await tools.get_stock_price(symbol)
