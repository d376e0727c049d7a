# Known-wrong answer to exercise 12.2: Catches CancelledError inside the deadline: it works, and also swallows a
# cancellation from outside.
# expect: [Beyond the rules: cancellation]
# expect: swallowed the CancelledError

import asyncio
from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def price_within(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    async with asyncio.timeout(seconds):
        try:
            return await tools.get_stock_price(symbol)
        except asyncio.CancelledError:
            return None
