# Known-wrong answer to exercise 6.4: a lock lets one quote at a time talk to the provider: the quotes agno starts
# together wait for each other.
# expect: [Implementation guidelines 4: Tool Integration]
# expect: one quote waited for the other

import asyncio

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


class QuoteTools:
    def __init__(self, data: SyncFinancialTools) -> None:
        self.data = data

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        return quote_line(self.data.get_stock_price(symbol), self.data.get_company_financials(symbol))


class AsyncQuoteTools:
    def __init__(self, data: AsyncFinancialTools) -> None:
        self.data = data
        self.lock = asyncio.Lock()

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        async with self.lock:
            price, financials = await asyncio.gather(
                self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
            )
        return quote_line(price, financials)
