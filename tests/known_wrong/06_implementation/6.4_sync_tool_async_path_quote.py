# Known-wrong answer to exercise 6.4: the async toolkit's quote is a plain def that runs the async client with
# asyncio.run(): agno hands it to a worker thread, where each call starts an event loop of its own.
# expect: [Implementation guidelines 4: Tool Integration]
# expect: ran on another event loop in a worker thread

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

    async def _both(self, symbol: str) -> str:
        price, financials = await asyncio.gather(
            self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
        )
        return quote_line(price, financials)

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        return asyncio.run(self._both(symbol))
