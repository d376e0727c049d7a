# Known-wrong answer to exercise 4.4: Figures typed in for one symbol, no call made.
# expect: [Parallel execution]
# expect: returned


async def assess(
    symbol: str, tools: AsyncFinancialTools, legacy: LegacyReportTool, model: RiskModel, pool: ProcessPoolExecutor
) -> dict[str, Any]:
    return {
        "price": {"symbol": "MSFT", "price_usd": 374.6},
        "rating": {"symbol": "MSFT", "rating": "buy"},
        "risk": {"symbol": "MSFT", "risk": 51.5},
    }
