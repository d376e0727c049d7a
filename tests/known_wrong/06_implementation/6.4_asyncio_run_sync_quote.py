# Known-wrong answer to exercise 6.4: the sync tool makes its two lookups at once by starting an event loop with
# asyncio.run(), which fails wherever its caller already runs one (a notebook cell).
# expect: [AGN101]
# expect: asyncio.run() inside a sync tool

import asyncio

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


class QuoteTools:
    def __init__(self, data: SyncFinancialTools) -> None:
        self.data = data

    async def _both(self, symbol: str) -> str:
        price, financials = await asyncio.gather(
            asyncio.to_thread(self.data.get_stock_price, symbol),
            asyncio.to_thread(self.data.get_company_financials, symbol),
        )
        return quote_line(price, financials)

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        return asyncio.run(self._both(symbol))


class AsyncQuoteTools:
    def __init__(self, data: AsyncFinancialTools) -> None:
        self.data = data

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price, financials = await asyncio.gather(
            self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
        )
        return quote_line(price, financials)
