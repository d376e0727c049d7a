# Known-wrong answer to exercise 12.5: The chapter's report typed in: no call is made.
# expect: [Beyond the rules: timeouts]
# expect: every call in time, returned {'prices': {'MSFT'

from typing import Any

from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool


async def report_with_deadline(
    tools: AsyncFinancialTools, legacy: LegacyRatingTool, symbols: list[str], seconds: float
) -> dict[str, Any]:
    return {"prices": {"MSFT": {"symbol": "MSFT", "price_usd": 374.6}}, "ratings": {"MSFT": "buy"}}
