# Known-wrong answer to exercise 12.2: The example's price typed in whenever the deadline is generous; the tool is
# never called.
# expect: [Beyond the rules: timeouts]
# expect: returned {'symbol': 'MSFT'

from typing import Any

from agnocourse.tools import AsyncFinancialTools


async def price_within(tools: AsyncFinancialTools, symbol: str, seconds: float) -> dict[str, Any] | None:
    return {"symbol": "MSFT", "price_usd": 374.6} if seconds > 0.2 else None
