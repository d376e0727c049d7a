# Known-wrong answer to exercise 6.4: one async toolkit for both paths, the sync client's calls moved to threads:
# agno refuses a coroutine function under agent.run() before it asks the model anything.
# expect: [Implementation guidelines 4: Tool Integration]
# expect: agno refused to start the run

import asyncio

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


class QuoteTools:
    def __init__(self, data: SyncFinancialTools) -> None:
        self.data = data

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price, financials = await asyncio.gather(
            asyncio.to_thread(self.data.get_stock_price, symbol),
            asyncio.to_thread(self.data.get_company_financials, symbol),
        )
        return quote_line(price, financials)


class AsyncQuoteTools:
    def __init__(self, data: AsyncFinancialTools) -> None:
        self.data = data

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price, financials = await asyncio.gather(
            self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
        )
        return quote_line(price, financials)
