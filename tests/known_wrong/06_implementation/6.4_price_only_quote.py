# Known-wrong answer to exercise 6.4: the sync quote looks up the price only and makes up the rest of the line.
# expect: [Implementation guidelines 4: Tool Integration]
# expect: made the lookups

import asyncio

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


class QuoteTools:
    def __init__(self, data: SyncFinancialTools) -> None:
        self.data = data

    def quote(self, symbol: str) -> str:
        """The latest price of a company, by ticker symbol."""
        price = self.data.get_stock_price(symbol)
        return quote_line(price, {"name": symbol, "total_assets_bn": "n/a"})


class AsyncQuoteTools:
    def __init__(self, data: AsyncFinancialTools) -> None:
        self.data = data

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price, financials = await asyncio.gather(
            self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
        )
        return quote_line(price, financials)
